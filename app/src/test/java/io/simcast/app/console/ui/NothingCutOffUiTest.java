package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.SidePanel;
import io.simcast.app.console.TestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * Nothing is cut off at the console's default size (1400 x 860): in every side panel, with the find-and-replace bar
 * open, the side panel's tabs fit, and each visible label, button, tab and table header shows its whole text (JavaFX puts an ellipsis in the text
 * it draws when there is no room: the drawn text must equal the control's text).
 */
class NothingCutOffUiTest extends ConsoleUiTest {
    /** The size Console gives its scene. */
    private static final int DEFAULT_WIDTH = 1400;
    private static final int DEFAULT_HEIGHT = 860;

    @Override
    ConsoleOptions options() {
        return TestOptions.sharing(dataFolder, null);
    }

    @Test
    void everyVisibleTextIsShownWholeInEveryPanelAtTheDefaultSize() {
        awaitFx("the default size", () -> editor().getScene().getWidth() == DEFAULT_WIDTH
                && editor().getScene().getHeight() == DEFAULT_HEIGHT);
        fx(() -> {
            editor().requestFocus();
            return null;
        });
        press(KeyCode.CONTROL, KeyCode.H);
        awaitFx("the find bar", () -> robot().lookup("#find-bar").query().isVisible());

        List<String> cut = new ArrayList<>();
        for (SidePanel panel : SidePanel.values()) {
            showPanel(panel.name().toLowerCase(Locale.ROOT));
            cut.addAll(fx(() -> cutOff(editor().getScene().getRoot(), panel.name())));
            cut.addAll(fx(() -> overflowingTabs(editor().getScene().getRoot(), panel.name())));
        }

        assertThat(cut).as("texts cut off").isEmpty();
    }

    /**
     * Each visible tab pane whose tab headers do not fit: JavaFX then clips the last headers and shows its tab menu
     * button (".tab-down-button") instead of an ellipsis.
     */
    private static List<String> overflowingTabs(Parent root, String panel) {
        List<String> found = new ArrayList<>();
        for (Node node : root.lookupAll(".tab-pane")) {
            if (node instanceof TabPane tabs && tabs.isVisible() && tabs.lookup(".tab-down-button") instanceof Node menu
                    && menu.isVisible()) {
                found.add(panel + ": the tabs " + tabs.getTabs().stream().map(Tab::getText).toList() + " do not fit");
            }
        }
        return found;
    }

    /** The text a labeled control draws: its skin's own child (a titled pane's in its title), not its content's. */
    private static Node drawnText(Labeled labeled) {
        Node holder = labeled instanceof TitledPane ? labeled.lookup(".title") : labeled;
        return holder instanceof Parent parent ? parent.getChildrenUnmodifiable().stream()
                .filter(Text.class::isInstance).findFirst().orElse(null) : null;
    }

    /** Each visible labeled control under {@code node} whose drawn text differs from its text, as "panel: text -> drawn". */
    private static List<String> cutOff(Node node, String panel) {
        List<String> found = new ArrayList<>();
        if (!node.isVisible()) {
            return found;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && labeled.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY
                && drawnText(labeled) instanceof Text drawn && drawn.isVisible()) {
            String whole = labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
            // Live values (the Info text) may change between two pulses: only an ellipsis in the drawn text is a cut.
            if (!drawn.getText().replace("\n", " ").strip().equals(whole.replace("\n", " ").strip())
                    && !labeled.getEllipsisString().isEmpty() && drawn.getText().contains(labeled.getEllipsisString())) {
                found.add(panel + ": \"" + labeled.getText() + "\" drawn as \"" + drawn.getText() + "\"");
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(cutOff(child, panel)));
        }
        return found;
    }
}
