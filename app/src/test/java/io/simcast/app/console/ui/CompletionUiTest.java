package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Completion in the real editor: elements valid under the current one, attributes valid on it. */
class CompletionUiTest extends ConsoleUiTest {
    private static final String BODY = "<mujoco>\n  <worldbody>\n    <body>\n      \n    </body>\n  </worldbody>\n</mujoco>\n";

    @SuppressWarnings("unchecked")
    private ListView<String> list() {
        return lookup("#completion-list", ListView.class);
    }

    private List<String> shown() {
        return fx(() -> list().isVisible() ? List.copyOf(list().getItems()) : List.of());
    }

    @Test
    void offersGeomInsideABodyAndSizeOnAGeom() {
        setEditorText(BODY, BODY.indexOf("\n    </body>"));

        robot().write("<");
        awaitFx("the element list", () -> list().isVisible());
        assertThat(shown()).contains("geom", "joint", "body", "inertial").doesNotContain("worldbody", "option");
        robot().write("ge");
        awaitFx("the list to narrow", () -> list().getItems().equals(List.of("geom")));
        press(KeyCode.ENTER);
        assertThat(shown()).isEmpty();
        assertThat(editorText()).contains("      <geom\n");

        robot().write(" ");
        press(KeyCode.CONTROL, KeyCode.SPACE);
        awaitFx("the attribute list", () -> list().isVisible());
        assertThat(shown()).contains("size", "type", "rgba", "fromto");
        robot().write("si");
        awaitFx("the list to narrow", () -> list().getItems().equals(List.of("size")));
        press(KeyCode.TAB);
        robot().write("0.1");
        assertThat(editorText()).contains("      <geom size=\"0.1\"\n");
    }

    @Test
    void escapeClosesTheListAndKeepsTheText() {
        setEditorText(BODY, BODY.indexOf("\n    </body>"));
        robot().write("<");
        awaitFx("the element list", () -> list().isVisible());
        press(KeyCode.ESCAPE);
        assertThat(shown()).isEmpty();
        assertThat(editorText()).contains("      <\n");
    }
}
