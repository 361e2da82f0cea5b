package io.simcast.app.console.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.files.DocumentViewModel;
import io.simcast.app.console.files.EditorDocument;
import io.simcast.app.console.files.ScriptedDialogs;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.app.console.session.Sessions;
import io.simcast.app.console.session.SimulationSession;
import io.simcast.sim.scene.PresetCatalog;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply against a real simulation: refused text keeps the old scene running; good text replaces it. */
class EditorViewModelTest {
    private static final Executor INLINE = Runnable::run;
    private static final String BROKEN = "<mujoco>\n  <worldbody>\n    <geom size=\"0.1\" bogus=\"1\"/>\n"
            + "  </worldbody>\n</mujoco>\n";
    private static final String FIXED = BROKEN.replace(" bogus=\"1\"", "");

    @TempDir
    Path folder;

    private SimulationSession session;
    private DocumentViewModel documents;
    private EditorViewModel editor;
    private final LogViewModel log = new LogViewModel();
    private ConsolePreferences preferences;

    @BeforeEach
    void start() {
        session = Sessions.running("pendulum");
        preferences = ConsolePreferences.load(folder, INLINE);
        documents = new DocumentViewModel(EditorDocument.ofPreset(PresetCatalog.builtIn().find("pendulum")
                .orElseThrow()), preferences, new ScriptedDialogs(), log, INLINE, INLINE);
        editor = new EditorViewModel(documents, session, log, INLINE);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    private void applyAndWait() {
        editor.apply();
        Eventually.await("Apply to finish", () -> !editor.compiling().get());
    }

    @Test
    void refusedTextNamesItsLineAndTheRunningSceneKeepsRunning() {
        long generation = session.snapshot().sceneGeneration();
        documents.text().set(BROKEN);
        applyAndWait();
        assertThat(editor.error().get()).isNotNull().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).contains("unrecognized attribute: 'bogus'");
        });
        assertThat(documents.text().get()).isEqualTo(BROKEN);
        assertThat(session.snapshot().sceneId()).isEqualTo("pendulum");
        assertThat(session.snapshot().sceneGeneration()).isEqualTo(generation);
        double time = session.snapshot().time();
        Eventually.await("time to advance", () -> session.snapshot().time() > time);
        assertThat(log.entries().getLast().text()).startsWith("Not applied: ");
    }

    @Test
    void fixedTextReplacesTheSceneAndClearsTheError() {
        documents.text().set(BROKEN);
        applyAndWait();
        documents.text().set(FIXED);
        applyAndWait();
        assertThat(editor.error().get()).isNull();
        Eventually.await("the new scene", () -> session.snapshot().sceneId().startsWith("custom-"));
        assertThat(session.snapshot().scene().xml()).isEqualTo(FIXED);
    }

    @Test
    void aLoadedDocumentIsAppliedAtOnceAndRememberedForTheNextStart() {
        documents.loadPreset(PresetCatalog.builtIn().find("cartpole").orElseThrow());
        Eventually.await("cart-pole to run", () -> session.snapshot().sceneId().equals("cartpole"));
        Eventually.await("the preference", () -> preferences.lastScene().equals(Optional.of("cartpole")));
    }
}
