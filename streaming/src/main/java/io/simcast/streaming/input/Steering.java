package io.simcast.streaming.input;

import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewInput;

/**
 * The view a viewer steers and the gesture mapper bound to it (one per viewer and view: it remembers the drag in
 * progress). Made on the engine thread when the viewer gets its own view, used only on the input thread.
 */
public record Steering(View view, ViewInput gestures) {
    public static Steering of(View view) {
        return new Steering(view, new ViewInput(view));
    }
}
