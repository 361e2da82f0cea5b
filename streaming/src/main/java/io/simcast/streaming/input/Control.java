package io.simcast.streaming.input;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.render.ViewCameras;

/**
 * What a key asks for, as {@link Commands#perform} decides it: a command for the physics thread (the simulation
 * everybody sees), a camera change of the view the key was pressed on (a viewer's own view, the console's live
 * view), or showing or hiding one of simulate's overlays in the client it was pressed in. Immutable; any thread.
 */
public sealed interface Control {

    /** A command for the simulation. */
    record Simulate(SimCommand command) implements Control {}

    /** A camera change, relative to the view's camera when the render thread applies it. */
    enum Camera implements Control {
        PREVIOUS,
        NEXT,
        FREE;

        /** Switches {@code view}'s camera; queues work for its render thread, returns at once. */
        public void applyTo(ViewCameras view) {
            switch (this) {
                case PREVIOUS -> view.previousCamera();
                case NEXT -> view.nextCamera();
                case FREE -> view.useFreeCamera();
            }
        }
    }

    /**
     * simulate's F1 to F4: shows or hides one of the client's panels, there alone (the host has nothing to do). The
     * page learns which key toggles which of its panels from the host ({@link Commands#panelKeys}).
     */
    enum Panel implements Control {
        HELP("help"),
        INFO("info"),
        PROFILER("profiler"),
        SENSORS("sensors");

        private final String id;

        Panel(String id) {
            this.id = id;
        }

        /** The page's name of the panel (its registry id). */
        public String id() {
            return id;
        }
    }
}
