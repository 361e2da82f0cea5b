package io.simcast.app.console.editor.find;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.editor.find.TextSearch.Hit;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/**
 * The find and replace bar over the editor: Enter finds the next occurrence, Shift+Enter the previous, Esc closes
 * and returns to the editor. Selections and replacements go through the editor, so Undo takes them back. JavaFX
 * thread.
 */
public final class FindBar extends VBox {
    private final FindViewModel model;
    private final CodeArea area;
    private final TextField query = new TextField();

    public FindBar(FindViewModel model, CodeArea area) {
        this.model = model;
        this.area = area;
        getStyleClass().add("find-bar");
        setId("find-bar");
        query.setId("find-query");
        query.setPromptText(Texts.FIND_PROMPT);
        query.textProperty().bindBidirectional(model.query());
        query.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                if (event.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
                event.consume();
            }
        });
        TextField replacement = new TextField();
        replacement.setId("find-replacement");
        replacement.setPromptText(Texts.REPLACE_PROMPT);
        replacement.textProperty().bindBidirectional(model.replacement());
        CheckBox matchCase = new CheckBox(Texts.MATCH_CASE);
        matchCase.selectedProperty().bindBidirectional(model.matchCase());
        Label status = new Label();
        status.setId("find-status");
        status.textProperty().bind(model.status());
        matchCase.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox.setHgrow(replacement, Priority.ALWAYS);

        HBox findRow = new HBox(6, query, button("find-next", Texts.NEXT, this::next),
                button("find-previous", Texts.PREVIOUS, this::previous), matchCase, status,
                button("find-close", Texts.CLOSE, this::close));
        HBox replaceRow = new HBox(6, replacement, button("replace-one", Texts.REPLACE_ONE, this::replace),
                button("replace-all", Texts.REPLACE_ALL, this::replaceAll));
        replaceRow.visibleProperty().bind(model.replacing());
        replaceRow.managedProperty().bind(model.replacing());
        getChildren().addAll(findRow, replaceRow);
        visibleProperty().bind(model.visible());
        managedProperty().bind(model.visible());
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
    }

    /** Opens the bar (with the replace row or without), seeded with the selected text, and focuses the query. */
    public void open(boolean replace) {
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            model.query().set(selected);
        }
        model.open(replace);
        query.requestFocus();
        query.selectAll();
    }

    private void next() {
        select(model.findNext(area.getText(), area.getSelection().getEnd()));
    }

    private void previous() {
        select(model.findPrevious(area.getText(), area.getSelection().getStart()));
    }

    private void replace() {
        if (model.isOccurrence(area.getText(), area.getSelection().getStart(), area.getSelection().getEnd())) {
            area.replaceSelection(model.replacement().get());
        }
        next();
    }

    private void replaceAll() {
        List<Hit> hits = model.occurrencesToReplace(area.getText());
        if (hits.isEmpty()) {
            return;
        }
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(hits.size());
        hits.forEach(hit -> change.replaceText(hit.start(), hit.end(), model.replacement().get()));
        change.commit(); // one undoable change
    }

    private void close() {
        model.close();
        area.requestFocus();
    }

    private void select(Optional<Hit> hit) {
        hit.ifPresent(found -> {
            area.selectRange(found.start(), found.end());
            area.requestFollowCaret();
        });
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE); // the text fields give way, never a button's words
        return button;
    }
}
