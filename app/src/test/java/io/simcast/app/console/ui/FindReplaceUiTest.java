package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Find and replace in the pendulum preset's text, which has three "stand_" names. */
class FindReplaceUiTest extends ConsoleUiTest {

    private long count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1L;
    }

    @Test
    void findsEachOccurrenceInTurn() {
        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.F);
        awaitFx("the find bar", () -> robot().lookup("#find-bar").query().isVisible());
        robot().write("stand_");
        press(KeyCode.ENTER);
        assertThat(fx(() -> editor().getSelectedText())).isEqualTo("stand_");
        assertThat(fx(() -> lookup("#find-status", Label.class).getText())).isEqualTo("1 of 3");
        int first = fx(() -> editor().getSelection().getStart());
        press(KeyCode.ENTER);
        assertThat(fx(() -> lookup("#find-status", Label.class).getText())).isEqualTo("2 of 3");
        assertThat(fx(() -> editor().getSelection().getStart())).isGreaterThan(first);

        press(KeyCode.ESCAPE);
        awaitFx("the find bar to close", () -> !robot().lookup("#find-bar").query().isVisible());
        awaitFx("the editor to have the focus", () -> editor().isFocused());
    }

    @Test
    void replaceAllReplacesEveryOccurrenceInOneUndoableStep() {
        String original = editorText();
        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.H);
        robot().write("stand_");
        robot().clickOn("#find-replacement").write("support_");
        click("#replace-all");
        assertThat(count(editorText(), "stand_")).isZero();
        assertThat(count(editorText(), "support_")).isEqualTo(3);
        assertThat(fx(() -> lookup("#find-status", Label.class).getText())).isEqualTo("Replaced 3 occurrences");

        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.Z);
        assertThat(editorText()).isEqualTo(original);
    }

    @Test
    void replaceReplacesTheFoundOccurrenceAndMovesOn() {
        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.H);
        robot().write("stand_");
        robot().clickOn("#find-replacement").write("support_");
        click("#find-next");
        click("#replace-one");
        assertThat(count(editorText(), "support_")).isEqualTo(1);
        assertThat(fx(() -> editor().getSelectedText())).isEqualTo("stand_");
    }
}
