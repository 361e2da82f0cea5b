package io.simcast.app.console.editor.completion;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.consumeWhen;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import io.simcast.app.console.editor.xml.XmlTags;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The completion list under the caret: Ctrl+Space opens it (so does typing {@code <}), typing a name narrows it,
 * Up and Down choose, Enter or Tab insert, Esc (or typing anything but a name) closes. Each name has a line on what
 * it is. The editor keeps the focus throughout; the list lies on a layer over the editor ({@link #layer()}), below
 * the caret, or above it near the editor's bottom edge. JavaFX thread.
 */
public final class CompletionPopup {
    private static final double WIDTH = 560;
    private static final double HEIGHT = 200;
    private final CodeArea area;
    private final CompletionEngine engine;
    private final ListView<String> list = new ListView<>();
    private final Pane layer = new Pane(list);
    private Completion completion;

    public CompletionPopup(CodeArea area, CompletionEngine engine) {
        this.area = area;
        this.engine = engine;
        list.setId("completion-list");
        list.setFocusTraversable(false);
        list.setVisible(false);
        list.setPrefSize(WIDTH, HEIGHT);
        list.setCellFactory(view -> new CandidateCell());
        list.setOnMouseClicked(event -> insert());
        layer.setPickOnBounds(false);
        Nodes.addInputMap(area, sequence(
                consume(keyPressed(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN), event -> open()),
                consumeWhen(keyPressed(KeyCode.DOWN), this::isShowing, event -> move(1)),
                consumeWhen(keyPressed(KeyCode.UP), this::isShowing, event -> move(-1)),
                consumeWhen(keyPressed(KeyCode.ENTER), this::isShowing, event -> insert()),
                consumeWhen(keyPressed(KeyCode.TAB), this::isShowing, event -> insert()),
                consumeWhen(keyPressed(KeyCode.ESCAPE), this::isShowing, event -> close())));
        area.plainTextChanges().subscribe(change -> {
            String typed = change.getInserted();
            if (typed.equals("<")) {
                open();
            } else if (isShowing()) {
                // Typing or deleting a name narrows the list; anything else (space, '>', '=', Enter) ends it.
                if (typed.chars().allMatch(c -> XmlTags.isNameChar((char) c))) {
                    open();
                } else {
                    close();
                }
            }
        });
        area.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                close();
            }
        });
    }

    /** The layer the list lies on; it sits over the editor and lets clicks through elsewhere. */
    public Node layer() {
        return layer;
    }

    public boolean isShowing() {
        return list.isVisible();
    }

    /** Shows what may be typed at the caret, or closes the list when nothing may. */
    public void open() {
        completion = engine.complete(area.getText(), area.getCaretPosition())
                .filter(found -> !found.candidates().isEmpty()).orElse(null);
        if (completion == null) {
            close();
            return;
        }
        list.getItems().setAll(completion.candidates());
        list.getSelectionModel().selectFirst();
        list.scrollTo(0);
        area.getCaretBounds().ifPresent(caret -> {
            Bounds local = layer.screenToLocal(caret);
            // Below the caret; above it when the editor's bottom edge would cut the list; within the editor's width.
            double width = Math.min(WIDTH, layer.getWidth());
            double y = local.getMaxY() + HEIGHT <= layer.getHeight() ? local.getMaxY()
                    : Math.max(0, local.getMinY() - HEIGHT);
            list.setPrefWidth(width);
            list.relocate(Math.max(0, Math.min(local.getMinX(), layer.getWidth() - width)), y);
        });
        list.setVisible(true);
    }

    public void close() {
        list.setVisible(false);
        completion = null;
    }

    private void move(int by) {
        int index = Math.clamp(list.getSelectionModel().getSelectedIndex() + by, 0, list.getItems().size() - 1);
        list.getSelectionModel().select(index);
        list.scrollTo(index);
    }

    private void insert() {
        String chosen = list.getSelectionModel().getSelectedItem();
        Completion inserting = completion;
        close();
        if (chosen != null && inserting != null) {
            area.replaceText(inserting.from(), inserting.to(), inserting.insertion(chosen));
            area.moveTo(inserting.caretAfter(chosen));
        }
    }

    /** A candidate's name, then its line in grey. */
    private final class CandidateCell extends ListCell<String> {
        private final Label name = new Label();
        private final Label line = new Label();
        private final HBox row = new HBox(10, name, line);

        CandidateCell() {
            name.getStyleClass().add("completion-name");
            line.getStyleClass().add("completion-description");
            name.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String candidate, boolean empty) {
            super.updateItem(candidate, empty);
            if (empty || candidate == null || completion == null) {
                setGraphic(null);
            } else {
                name.setText(candidate);
                line.setText(completion.description(candidate));
                setGraphic(row);
            }
        }
    }
}
