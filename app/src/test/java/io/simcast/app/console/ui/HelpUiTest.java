package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** F1 opens the help page, wherever the focus is. */
class HelpUiTest extends ConsoleUiTest {

    @Test
    void f1ShowsTheKeysAndTheMjcfReference() {
        robot().clickOn("#editor");
        press(KeyCode.F1);
        awaitFx("the help window", () -> robot().lookup("#help-page").tryQuery().isPresent());
        WebView page = lookup("#help-page", WebView.class);
        awaitFx("the page to load", () -> page.getEngine().getLoadWorker().getProgress() == 1.0);
        String text = fx(() -> (String) page.getEngine().executeScript("document.body.innerText"));
        assertThat(text).contains("Simulation keys", "Right arrow", "Ctrl+Enter", "MJCF quick reference",
                "worldbody");
        assertThat(fx(() -> ((Stage) page.getScene().getWindow()).getTitle()))
                .isEqualTo("Keys and MJCF reference — Simcast");
    }
}
