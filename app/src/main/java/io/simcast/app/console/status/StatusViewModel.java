package io.simcast.app.console.status;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.sim.physics.SimulationSnapshot;
import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's words: the running scene, its time, running or paused, speed and real-time factor from the
 * newest snapshot, the body the mouse selected (for the live view's corner), what the editor is doing (compiling, or
 * why the last Apply failed), and a short-lived notice of what was just done (the picture's file). JavaFX thread.
 */
public final class StatusViewModel {
    static final Duration NOTICE_TIME = Duration.ofSeconds(20);
    private final ReadOnlyStringWrapper scene = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** Clears a notice once it has been readable for a while; the log keeps it. */
    private final PauseTransition noticeFades = new PauseTransition(javafx.util.Duration.millis(NOTICE_TIME.toMillis()));
    private final StringBinding message;

    public StatusViewModel(SimulationSnapshot first, EditorViewModel editor) {
        message = Bindings.createStringBinding(() -> editor.compiling().get() ? Texts.COMPILING
                : editor.error().get() != null ? Texts.sceneError(editor.error().get().message()) : "",
                editor.compiling(), editor.error());
        noticeFades.setOnFinished(event -> notice.set(""));
        update(first);
    }

    /** Takes in a new snapshot. */
    public void update(SimulationSnapshot snapshot) {
        scene.set(Texts.scene(snapshot.scene()));
        time.set(Texts.simulationTime(snapshot.time()));
        state.set(snapshot.playing() ? Texts.RUNNING : Texts.PAUSED);
        speed.set(Texts.speed(snapshot.speed()) + (snapshot.playing() ? ", " + Texts.realTime(snapshot.realTimeFactor())
                : ""));
        selected.set(snapshot.selectedBody().map(Texts::selectedBody).orElse(""));
    }

    /** Says what was just done, e.g. where the picture went, until the next notice or for a few seconds. */
    public void notice(String text) {
        notice.set(text);
        noticeFades.playFromStart();
    }

    /** "Selected: link3" while a body is selected (double-click), empty otherwise. */
    public ReadOnlyStringProperty selected() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notice() {
        return notice.getReadOnlyProperty();
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
