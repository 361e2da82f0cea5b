package io.simcast.app.console.control;

import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.SimulationSource;
import io.simcast.sim.render.ViewCameras;
import io.simcast.streaming.input.Commands;
import io.simcast.streaming.input.Control;
import io.simcast.streaming.input.KeyAction;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The console's simulation, camera and overlay keys and the toolbar buttons that act as them: each does what
 * {@link Commands#perform} says, exactly as the same key does in the browser page, so a command goes to the physics
 * thread and a camera change to the live view. What the toolbar shows comes from snapshots. JavaFX thread.
 */
public final class ControlViewModel {
    private final SimulationSource simulation;
    private final Optional<? extends ViewCameras> cameras;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper();
    private Runnable cameraChanged = () -> { };
    private Consumer<Control.Panel> panelKey = panel -> { };

    /** @param cameras the live view's cameras; empty without a renderer (the camera keys then do nothing) */
    public ControlViewModel(SimulationSource simulation, Optional<? extends ViewCameras> cameras) {
        this.simulation = simulation;
        this.cameras = cameras;
        update(simulation.snapshot());
    }

    /** Runs {@code listener} after each camera key or button (the live view then names the camera). */
    public void onCameraChange(Runnable listener) {
        cameraChanged = listener;
    }

    /** Runs {@code listener} on simulate's F1 to F4: show or hide that panel of the console. */
    public void onPanelKey(Consumer<Control.Panel> listener) {
        panelKey = listener;
    }

    /** Whether time is running, as of the newest snapshot. */
    public ReadOnlyBooleanProperty playing() {
        return playing.getReadOnlyProperty();
    }

    /** Whether a step would do something now (it does only while paused, as in simulate). */
    public ReadOnlyBooleanProperty canStep() {
        return canStep.getReadOnlyProperty();
    }

    /** Takes in a new snapshot. */
    public void update(SimulationSnapshot snapshot) {
        playing.set(snapshot.playing());
        canStep.set(Commands.perform(KeyAction.STEP, snapshot).isPresent());
    }

    /** Does what the key of {@code action} does, in the newest state. */
    public void perform(KeyAction action) {
        Commands.perform(action, simulation.snapshot()).ifPresent(control -> {
            switch (control) {
                case Control.Simulate simulate -> simulation.submit(simulate.command());
                case Control.Camera camera -> cameras.ifPresent(view -> {
                    camera.applyTo(view);
                    cameraChanged.run();
                });
                case Control.Panel panel -> panelKey.accept(panel);
            }
        });
    }
}
