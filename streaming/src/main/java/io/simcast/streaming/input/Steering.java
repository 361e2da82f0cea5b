package io.simcast.streaming.input;

import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewCameras;
import io.simcast.sim.render.ViewInput;

/**
 * The view a viewer steers, the gesture mapper bound to it (one per viewer and view: it remembers the drag in
 * progress) and where its camera keys go (the view itself; a recorder in tests). Made on the engine thread when the
 * viewer gets its own view, used only on the input thread.
 */
public record Steering(View view, ViewInput gestures, ViewCameras cameras) {
    public static Steering of(View view) {
        return new Steering(view, new ViewInput(view), view);
    }
}
