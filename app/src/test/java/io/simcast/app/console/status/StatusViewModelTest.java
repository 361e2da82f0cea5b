package io.simcast.app.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.files.DocumentViewModel;
import io.simcast.app.console.files.EditorDocument;
import io.simcast.app.console.files.ScriptedDialogs;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.app.console.session.Sessions;
import io.simcast.app.console.session.SimulationSession;
import io.simcast.sim.physics.SimCommand;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusViewModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path folder;

    private final SimulationSession session = Sessions.running("double-pendulum");

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void showsTheSceneItsTimeStateAndSpeedAndWhyAnApplyFailed() {
        DocumentViewModel documents = new DocumentViewModel(EditorDocument.untitled("<mujoco><bad/></mujoco>"),
                ConsolePreferences.load(folder, INLINE), new ScriptedDialogs(), new LogViewModel(), INLINE, INLINE);
        EditorViewModel editor = new EditorViewModel(documents, session, new LogViewModel(), INLINE);
        StatusViewModel status = new StatusViewModel(session.snapshot(), editor);
        assertThat(status.scene().get()).isEqualTo("Double pendulum");
        assertThat(status.message().get()).isEmpty();

        session.submit(new SimCommand.Pause());
        session.submit(new SimCommand.SetSpeed(0.25));
        Eventually.await("the pause", () -> !session.snapshot().playing() && session.snapshot().speed() == 0.25);
        status.update(session.snapshot());
        assertThat(status.state().get()).isEqualTo("Paused");
        assertThat(status.speed().get()).isEqualTo("1/4×");
        assertThat(status.time().get()).matches("t = \\d+\\.\\d{3} s");

        editor.apply();
        Eventually.await("Apply to finish", () -> !editor.compiling().get());
        assertThat(status.message().get()).startsWith("Not applied, the scene already loaded stays as it was: ")
                .contains("unrecognized");
    }
}
