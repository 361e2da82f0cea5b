package io.simcast.app.console.status;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.sim.physics.SimulationSnapshot;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's words: the running scene, its time, running or paused, speed and real-time factor from the
 * newest snapshot, and what the editor is doing (compiling, or why the last Apply failed). JavaFX thread.
 */
public final class StatusViewModel {
    private final ReadOnlyStringWrapper scene = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper();
    private final StringBinding message;

    public StatusViewModel(SimulationSnapshot first, EditorViewModel editor) {
        message = Bindings.createStringBinding(() -> editor.compiling().get() ? Texts.COMPILING
                : editor.error().get() != null ? Texts.sceneError(editor.error().get().message()) : "",
                editor.compiling(), editor.error());
        update(first);
    }

    /** Takes in a new snapshot. */
    public void update(SimulationSnapshot snapshot) {
        scene.set(Texts.scene(snapshot.scene()));
        time.set(Texts.simulationTime(snapshot.time()));
        state.set(snapshot.playing() ? Texts.RUNNING : Texts.PAUSED);
        speed.set(Texts.speed(snapshot.speed()) + (snapshot.playing() ? ", " + Texts.realTime(snapshot.realTimeFactor())
                : ""));
    }

    public ReadOnlyStringProperty scene() {
        return scene.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty time() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty state() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speed() {
        return speed.getReadOnlyProperty();
    }

    /** What the editor is doing, or why its text was not applied; empty when all is well. */
    public StringBinding message() {
        return message;
    }
}
