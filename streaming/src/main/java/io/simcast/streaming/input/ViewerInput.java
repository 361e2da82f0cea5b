package io.simcast.streaming.input;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSource;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewInput;
import io.simcast.streaming.VideoFormat;
import java.util.function.Consumer;

/**
 * One viewer's input: pointer and wheel events steer the camera of the viewer's own view (a button press, the
 * wheel, a double-click or a camera key claims one, see {@link SteeringProvider}), keys go through the
 * {@link KeyMap} and do what {@link Commands#perform} says (as in the console), commands become
 * {@link SimCommand}s for the physics thread. A follower of the host's view (or a viewer not connected yet) has no
 * view to steer: its pointer and camera keys are ignored, its simulation keys and commands still count.
 *
 * <p>Called on the host's input thread ({@code simcast-input}), one event at a time in arrival order; never blocks.
 */
public final class ViewerInput {
    /** DOM wheel pixels per notch (Chromium and Firefox scroll 100 pixels per notch). */
    private static final double WHEEL_PIXELS_PER_NOTCH = 100;

    private final SimulationSource simulation;
    private final VideoFormat format;
    private final SteeringProvider steering;

    public ViewerInput(SimulationSource simulation, VideoFormat format, SteeringProvider steering) {
        this.simulation = simulation;
        this.format = format;
        this.steering = steering;
    }

    public void apply(InputEvent event) {
        switch (event) {
            case InputEvent.PointerMove move -> gesture(steering.current(), p -> p.pointerMove(x(move.x()),
                    y(move.y()), move.modifiers()));
            case InputEvent.Press press -> {
                if (press.down()) {
                    gesture(steering.claim(), p -> p.pointerDown(x(press.x()), y(press.y()), press.button(),
                            press.modifiers()));
                } else {
                    gesture(steering.current(), p -> p.pointerUp(x(press.x()), y(press.y()), press.button()));
                }
            }
            // ViewInput counts notches, positive away from the user; the DOM counts pixels, positive toward.
            case InputEvent.Wheel wheel -> gesture(steering.claim(), p -> p.wheel(-wheel.dx() / WHEEL_PIXELS_PER_NOTCH,
                    -wheel.dy() / WHEEL_PIXELS_PER_NOTCH));
            case InputEvent.DoubleClick click -> gesture(steering.claim(), p -> p.doubleClick(x(click.x()),
                    y(click.y()), click.button(), click.modifiers()));
            case InputEvent.Key key -> {
                if (key.down()) {
                    KeyMap.action(key.code(), key.ctrl(), key.alt(), key.meta()).ifPresent(this::perform);
                }
            }
            case InputEvent.Command command -> simulation.submit(command.command());
            // Like a camera choice, the switches claim a view of the viewer's own: they change only its picture.
            case InputEvent.Visual visual -> {
                Steering steered = steering.claim();
                if (steered != null) {
                    steered.view().setOptions(visual.options());
                }
            }
            case InputEvent.Camera camera -> {
                Steering steered = steering.claim();
                if (steered != null) {
                    camera.fixed().ifPresentOrElse(index -> lookThrough(steered.view(), index),
                            steered.view()::resetCamera);
                }
            }
        }
    }

    private static void lookThrough(View view, int index) {
        try {
            view.useFixedCamera(index);
        } catch (IllegalArgumentException e) {
            // the scene changed since the page listed its cameras: the page lists the new ones
        }
    }

    private void perform(KeyAction action) {
        Commands.perform(action, simulation.snapshot()).ifPresent(control -> {
            switch (control) {
                case Control.Simulate simulate -> simulation.submit(simulate.command());
                case Control.Camera camera -> {
                    Steering steered = steering.claim();
                    if (steered != null) {
                        camera.applyTo(steered.cameras());
                    }
                }
                case Control.Panel panel -> { } // the page shows or hides its own panel (Commands.panelKeys)
            }
        });
    }

    private static void gesture(Steering steered, Consumer<ViewInput> gesture) {
        if (steered != null) {
            gesture.accept(steered.gestures());
        }
    }

    private double x(double x) {
        return Math.clamp(x, 0, format.width());
    }

    private double y(double y) {
        return Math.clamp(y, 0, format.height());
    }
}
