package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Completion in the real editor: elements valid under the current one, attributes valid on it, each with a line on
 * what it is, the list whole near the editor's bottom edge; and Enter keeping the indentation.
 */
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

    @Test
    void eachCandidateHasALineOnWhatItIs() {
        setEditorText(BODY, BODY.indexOf("\n    </body>"));

        robot().write("<");
        awaitFx("the element list", () -> list().isVisible());

        assertThat(fx(() -> descriptionOf("geom"))).isEqualTo("A geometric shape: collides and gives the body mass");
        robot().write("geom ");
        press(KeyCode.CONTROL, KeyCode.SPACE);
        awaitFx("the attribute list", () -> list().isVisible());
        assertThat(fx(() -> descriptionOf("type")))
                .isEqualTo("plane, hfield, sphere, capsule, ellipsoid, cylinder, box, mesh");
    }

    @Test
    void atTheEditorsBottomEdgeTheListOpensAboveTheCaretAndIsShownWhole() {
        String text = "<mujoco>\n  <worldbody>\n" + "    <!-- a long scene -->\n".repeat(120)
                + "    <body>\n      \n    </body>\n  </worldbody>\n</mujoco>\n";
        setEditorText(text, text.indexOf("\n    </body>"));
        fx(() -> {
            editor().requestFollowCaret();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot().write("<");
        awaitFx("the element list", () -> list().isVisible());

        Bounds shownIn = fx(() -> list().getParent().localToScene(list().getParent().getLayoutBounds()));
        Bounds listBounds = fx(() -> list().localToScene(list().getLayoutBounds()));
        Bounds caret = fx(() -> editor().getCaretBounds().map(editor()::screenToLocal)
                .map(editor()::localToScene).orElseThrow());
        assertThat(listBounds.getMaxY()).as("the list's bottom within the editor's").isLessThanOrEqualTo(
                shownIn.getMaxY() + 0.5);
        assertThat(listBounds.getMaxX()).as("its right edge").isLessThanOrEqualTo(shownIn.getMaxX() + 0.5);
        assertThat(listBounds.getMaxY()).as("above the caret").isLessThanOrEqualTo(caret.getMinY() + 0.5);
    }

    /** A body left open, a geom typed into it after Enter, and Enter again: the caret on an indented line. */
    private void typeAGeomIntoAnOpenBody() {
        String text = "<mujoco>\n  <worldbody>\n    <body name=\"a\">\n  </worldbody>\n</mujoco>\n";
        setEditorText(text, text.indexOf("\n  </worldbody>"));
        press(KeyCode.ENTER);
        robot().write("<geom size=\"0.1\"/>");
        press(KeyCode.ENTER);
    }

    @Test
    void enterKeepsTheIndentationAndIndentsOneLevelAfterAnOpeningTag() {
        typeAGeomIntoAnOpenBody();
        robot().write("<site/>");

        assertThat(editorText()).isEqualTo("<mujoco>\n  <worldbody>\n    <body name=\"a\">\n"
                + "      <geom size=\"0.1\"/>\n      <site/>\n  </worldbody>\n</mujoco>\n");
    }

    @Test
    void anEndTagTypedOnAnIndentedLineMovesBackToItsStartTagAndOneUndoTakesItBack() {
        typeAGeomIntoAnOpenBody();
        String indented = editorText();
        assertThat(indented).contains("<geom size=\"0.1\"/>\n      \n  </worldbody>");
        fx(() -> {
            editor().getUndoManager().preventMerge(); // "</" starts an undo step of its own, as after a pause
            return null;
        });

        robot().write("</");
        assertThat(editorText()).contains("<geom size=\"0.1\"/>\n    </\n  </worldbody>");
        // One step with the typing: Undo never shows the '/' at the old level, or the line moved without it.
        press(KeyCode.SHORTCUT, KeyCode.Z);
        assertThat(editorText()).isEqualTo(indented);
        press(KeyCode.SHORTCUT, KeyCode.Y);
        assertThat(editorText()).contains("<geom size=\"0.1\"/>\n    </\n  </worldbody>");

        robot().write("body>");
        assertThat(editorText()).isEqualTo("<mujoco>\n  <worldbody>\n    <body name=\"a\">\n"
                + "      <geom size=\"0.1\"/>\n    </body>\n  </worldbody>\n</mujoco>\n");
    }

    /** The line shown beside {@code candidate} in the open list. */
    private String descriptionOf(String candidate) {
        return robot().lookup("#completion-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> candidate.equals(cell.getItem()) && cell.getGraphic() != null)
                .map(cell -> ((Label) cell.getGraphic().lookup(".completion-description")).getText())
                .findFirst().orElseThrow();
    }
}
