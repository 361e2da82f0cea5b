package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import java.util.Collection;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** Apply from the editor: a refused text is marked where MuJoCo says, and never replaces the running scene. */
class ApplyUiTest extends ConsoleUiTest {
    private static final String BROKEN =
            "<mujoco>\n<worldbody>\n<geom size=\"0.1\" bogus=\"1\"/>\n</worldbody>\n</mujoco>\n";

    private void typeBrokenSceneAndApply() {
        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.A);
        // Pasted, as a scene from elsewhere would be: typing it would get the editor's auto-indent.
        fx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(BROKEN);
            return Clipboard.getSystemClipboard().setContent(content);
        });
        press(KeyCode.CONTROL, KeyCode.V);
        assertThat(editorText()).isEqualTo(BROKEN);
        press(KeyCode.CONTROL, KeyCode.ENTER);
        awaitFx("the error marker", () -> visibleErrorMarker() != null);
    }

    /** The gutter's error marker that shows, or null. */
    private Node visibleErrorMarker() {
        return robot().lookup(".error-marker").queryAll().stream().filter(Node::isVisible).findFirst().orElse(null);
    }

    @Test
    void aBrokenSceneIsMarkedOnItsLineWhileTheOldSceneKeepsRunning() {
        long generation = snapshot().sceneGeneration();
        typeBrokenSceneAndApply();

        String markedLine = fx(() -> ((Label) ((HBox) visibleErrorMarker().getParent()).getChildren().get(1))
                .getText());
        assertThat(markedLine).isEqualTo("3");
        assertThat(fx(() -> visibleErrorMarker() instanceof Label marker ? marker.getTooltip().getText() : ""))
                .contains("unrecognized attribute: 'bogus'");
        awaitFx("the underline", () -> {
            StyleSpans<Collection<String>> line = editor().getStyleSpans(2);
            return line.stream().anyMatch(span -> span.getStyle().contains("error"));
        });
        assertThat(fx(() -> lookup("#status-message", Label.class).getText()))
                .startsWith("Not applied, the scene already loaded stays as it was: ").contains("line 3");
        assertThat(editorText()).isEqualTo(BROKEN); // the operator's text stays as typed

        assertThat(snapshot().sceneId()).isEqualTo("pendulum");
        assertThat(snapshot().sceneGeneration()).isEqualTo(generation);
        double time = snapshot().time();
        Eventually.await("the pendulum's time to advance", () -> snapshot().time() > time + 0.05);
    }

    @Test
    void theFixedSceneReplacesTheRunningOne() {
        typeBrokenSceneAndApply();
        fx(() -> {
            int bogus = editor().getText().indexOf(" bogus=\"1\"");
            editor().selectRange(bogus, bogus + " bogus=\"1\"".length());
            return null;
        });
        press(KeyCode.DELETE);
        click("#apply");

        Eventually.await("the new scene", () -> snapshot().sceneId().startsWith("custom-"));
        assertThat(snapshot().scene().xml()).isEqualTo(editorText());
        awaitFx("the marker to go", () -> visibleErrorMarker() == null);
        awaitFx("the status bar", () -> lookup("#status-message", Label.class).getText().isEmpty()
                && lookup("#status-scene", Label.class).getText().startsWith("Custom scene (custom-"));
        double time = snapshot().time();
        Eventually.await("the new scene's time to advance", () -> snapshot().time() > time);
    }

    @Test
    void undoingTheBrokenEditTakesTheMarkerAndTheMessageAway() {
        typeBrokenSceneAndApply();
        press(KeyCode.CONTROL, KeyCode.Z);
        awaitFx("the text to change back", () -> !editorText().equals(BROKEN));

        awaitFx("the marker to go", () -> visibleErrorMarker() == null);
        awaitFx("the message to go", () -> lookup("#status-message", Label.class).getText().isEmpty());
    }
}
