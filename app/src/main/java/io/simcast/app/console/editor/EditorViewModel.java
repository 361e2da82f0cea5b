package io.simcast.app.console.editor;

import io.simcast.app.console.kit.Failures;
import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.files.DocumentViewModel;
import io.simcast.app.console.files.EditorDocument;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.app.console.session.SimulationSession;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneLoadException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Apply: compiles the editor's text and hot-swaps it into the simulation. While it compiles, {@link #compiling()} is
 * true; when MuJoCo refuses the text, {@link #error()} holds its message and line until the text changes or an Apply
 * works, the text stays as typed and the scene already loaded stays as it was (running or paused). Every document loaded from outside (a file, a preset) is applied at once.
 *
 * <p>JavaFX thread; compiling happens on the session's compile thread and reports back through {@code fx}.
 */
public final class EditorViewModel {
    private final DocumentViewModel documents;
    private final SimulationSession session;
    private final LogViewModel log;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper compiling = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SceneError> error = new ReadOnlyObjectWrapper<>();

    public EditorViewModel(DocumentViewModel documents, SimulationSession session, LogViewModel log, Executor fx) {
        this.documents = documents;
        this.session = session;
        this.log = log;
        this.fx = fx;
        documents.addLoadListener(loaded -> apply());
        // The error speaks of a text that is no more: an edit (an undo too) takes its marker and message away.
        documents.text().addListener((text, before, now) -> error.set(null));
    }

    public ReadOnlyBooleanProperty compiling() {
        return compiling.getReadOnlyProperty();
    }

    /** Why the last Apply failed, or null after one that worked. */
    public ReadOnlyObjectProperty<SceneError> error() {
        return error.getReadOnlyProperty();
    }

    /**
     * Loads a scene compiled elsewhere from the text the editor now holds (a generated one), as Apply would: the
     * spinner while it swaps in, the old error gone after.
     */
    public void applyCompiled(Scene scene) {
        compiling.set(true);
        session.load(scene).whenCompleteAsync((snapshot, failure) -> {
            compiling.set(false);
            if (failure == null) {
                error.set(null);
            } else {
                log.problem(Texts.notApplied(Failures.cause(failure).getMessage()));
            }
        }, fx);
    }

    /** Compiles the text as it is now and loads it; ignored while an earlier Apply is still compiling. */
    public void apply() {
        if (compiling.get()) {
            return;
        }
        EditorDocument document = documents.document().get();
        compiling.set(true);
        session.load(document.sourceFor(documents.text().get())).whenCompleteAsync((snapshot, failure) -> {
            compiling.set(false);
            if (failure == null) {
                error.set(null);
                documents.applied(document);
            } else {
                Throwable cause = Failures.cause(failure);
                int line = cause instanceof SceneLoadException refused ? refused.line().orElse(0) : 0;
                error.set(new SceneError(line, cause.getMessage()));
                log.problem(Texts.notApplied(cause.getMessage()));
            }
        }, fx);
    }
}
