package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** Nothing typed is lost: what a crashed console kept is offered by the next one and comes back on Restore. */
class RecoveryUiTest extends ConsoleUiTest {

    @Test
    void textTypedBeforeACrashIsOfferedAndRestoredByTheNextConsole() {
        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.END);
        robot().write("<!-- typed before the crash -->");
        String typed = editorText();
        Eventually.await("the autosave", () -> recoveryFileHolds(dataFolder, "typed before the crash"));

        // The crash: the window goes without any question, nothing is cleaned up, the threads stop.
        robot().interact(console::close);
        services.close();

        restartAndRestore(dataFolder, typed);
        assertThat(fx(() -> ((Stage) editor().getScene().getWindow()).getTitle())).startsWith("• ");
    }
}
