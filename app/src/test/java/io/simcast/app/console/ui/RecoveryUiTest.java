package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Console;
import io.simcast.app.console.ConsoleServices;
import io.simcast.app.console.Eventually;
import io.simcast.app.console.TestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** Nothing typed is lost: what a crashed console kept is offered by the next one and comes back on Restore. */
class RecoveryUiTest extends ConsoleUiTest {

    private boolean recoveryFileHolds(String text) {
        Path folder = dataFolder.resolve("recovery");
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".xml")).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void textTypedBeforeACrashIsOfferedAndRestoredByTheNextConsole() {
        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.END);
        robot().write("<!-- typed before the crash -->");
        String typed = editorText();
        Eventually.await("the autosave", () -> recoveryFileHolds("typed before the crash"));

        // The crash: the window goes without any question, nothing is cleaned up, the threads stop.
        robot().interact(console::close);
        services.close();

        services = ConsoleServices.start(TestOptions.of(dataFolder, null));
        fx(() -> {
            console = new Console(new Stage(), services, owner -> dialogs, AUTOSAVE);
            console.show();
            return null;
        });
        awaitFx("the recovery offer", () -> robot().lookup("#recovery-bar").query().isVisible());
        assertThat(editorText()).isNotEqualTo(typed);
        assertThat(fx(() -> robot().lookup("#recovery-bar .label").queryAs(Label.class).getText()))
                .startsWith("Unsaved text of ").endsWith("was kept when Simcast stopped. Restore it?");

        click("#recovery-restore");
        awaitFx("the text to come back", () -> editor().getText().equals(typed));
        awaitFx("the offer to go", () -> !robot().lookup("#recovery-bar").query().isVisible());
        assertThat(fx(() -> ((Stage) editor().getScene().getWindow()).getTitle())).startsWith("• ");
    }
}
