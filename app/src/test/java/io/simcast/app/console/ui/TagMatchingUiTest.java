package io.simcast.app.console.ui;

import java.util.Collection;
import org.junit.jupiter.api.Test;

/** With the caret on a tag, the tag and its partner are highlighted in the real editor; a lone tag in red. */
class TagMatchingUiTest extends ConsoleUiTest {
    private static final String SCENE = "<mujoco>\n  <worldbody>\n    <body>\n      <geom size=\"1\"/>\n"
            + "    </body>\n  </worldbody>\n</mujoco>\n";

    private boolean styled(int position, String styleClass) {
        Collection<String> styles = editor().getStyleAtPosition(position + 1); // the style of the character at it
        return styles.contains(styleClass);
    }

    @Test
    void theTagAtTheCaretAndItsPartnerAreHighlighted() {
        int open = SCENE.indexOf("<worldbody>");
        int close = SCENE.indexOf("</worldbody>");
        setEditorText(SCENE, open + 3);
        awaitFx("both worldbody tags highlighted", () -> styled(open, "match") && styled(close, "match")
                && !styled(SCENE.indexOf("<body>"), "match"));

        int body = SCENE.indexOf("</body>");
        fx(() -> {
            editor().moveTo(body + 2);
            return null;
        });
        awaitFx("the highlight to follow the caret", () -> styled(body, "match")
                && styled(SCENE.indexOf("<body>"), "match") && !styled(open, "match"));
    }

    @Test
    void anUnclosedElementIsMarked() {
        String unclosed = "<mujoco>\n  <worldbody>\n</mujoco>\n";
        int open = unclosed.indexOf("<worldbody>");
        setEditorText(unclosed, open + 3);
        awaitFx("the lone tag marked", () -> styled(open, "unmatched"));
    }
}
