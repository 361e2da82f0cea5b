package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;

/**
 * What a new user of the console meets first (issue 20): "Paused" written over a paused view, Tab out of the live view
 * that moves the focus without typing into the editor, Esc that closes Help, and Help's mouse table shown as current.
 */
class FirstMinutesUiTest extends ConsoleUiTest {

    @Test
    void aPausedViewSaysPausedAndARunningOneDoesNot() {
        robot().clickOn("#live-view");
        assertThat(fx(() -> lookup("#live-view-paused", Label.class).isVisible())).as("while running").isFalse();

        press(KeyCode.SPACE);
        awaitFx("Paused over the view", () -> lookup("#live-view-paused", Label.class).isVisible());
        assertThat(fx(() -> lookup("#live-view-paused", Label.class).getText())).isEqualTo("Paused");

        press(KeyCode.SPACE);
        awaitFx("the label to go", () -> !lookup("#live-view-paused", Label.class).isVisible());
    }

    @Test
    void tabFromTheLiveViewMovesTheFocusAndLeavesTheDocumentUnchanged() {
        String before = editorText();
        robot().clickOn("#live-view");
        awaitFx("the view's focus", () -> lookup("#live-view", Node.class).isFocused());

        press(KeyCode.TAB);
        assertThat(fx(() -> lookup("#live-view", Node.class).isFocused())).as("focus left the view").isFalse();
        assertThat(editorText()).isEqualTo(before);
    }

    @Test
    void escClosesHelpAndItsMouseTableIsCurrent() {
        robot().clickOn("#live-view");
        press(KeyCode.F1);
        awaitFx("the help window", () -> robot().lookup("#help-page").tryQuery().isPresent()
                && lookup("#help-page", WebView.class).getScene().getWindow().isShowing());
        WebView page = lookup("#help-page", WebView.class);
        awaitFx("the page to load", () -> page.getEngine().getLoadWorker().getProgress() == 1.0);
        String text = fx(() -> (String) page.getEngine().executeScript("document.body.innerText"));
        assertThat(text).contains("Double-click", "Ctrl + right drag").doesNotContain("once the live view");
        assertThat(fx(() -> (Boolean) page.getEngine().executeScript(
                "document.querySelectorAll('.later').length === 0"))).as("nothing greyed out").isTrue();

        // Esc as the help window's page receives it (the headless robot types into the console's window).
        fx(() -> {
            Event.fireEvent(page, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false,
                    false));
            return null;
        });
        awaitFx("Help to close", () -> !page.getScene().getWindow().isShowing());
    }
}
