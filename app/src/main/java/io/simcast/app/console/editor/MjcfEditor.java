package io.simcast.app.console.editor;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.EventPattern.keyTyped;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.process;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import io.simcast.app.console.editor.completion.CompletionEngine;
import io.simcast.app.console.editor.completion.CompletionPopup;
import io.simcast.sim.scene.MjcfSchema;
import io.simcast.app.console.editor.find.FindBar;
import io.simcast.app.console.editor.find.FindViewModel;
import io.simcast.app.console.files.DocumentViewModel;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.InputHandler.Result;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The MJCF editor: a RichTextFX CodeArea with line numbers and the error marker, XML colours, tag matching, MJCF
 * completion with a line on each name, find and replace, and undo/redo; Enter keeps the indentation (one level more
 * after an opening tag) and an end tag begun on its own line moves back to its start tag's level; Ctrl+Enter
 * applies. Its text and the document's are kept in step. Binds and delegates only. JavaFX thread.
 */
public final class MjcfEditor {
    /** Apply: Ctrl+Enter. */
    public static final KeyCombination APPLY_KEY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final CodeArea area = new CodeArea();
    private final FindBar findBar;
    private final VBox node;

    public MjcfEditor(DocumentViewModel documents, EditorViewModel editor, FindViewModel find,
                      Executor analysisThread) {
        area.setId("editor");
        area.getStylesheets().add(MjcfEditor.class.getResource("editor.css").toExternalForm());
        area.setParagraphGraphicFactory(new LineGutter(editor.error()));
        show(documents.text().get());
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((observable, old, text) -> documents.text().set(text));
        documents.text().addListener((observable, old, text) -> {
            if (!text.equals(area.getText())) {
                show(text); // a loaded or restored document, not typing
            }
        });
        // A document loaded from outside starts a new history: Undo does not bring back the previous document.
        documents.addLoadListener(loaded -> area.getUndoManager().forgetHistory());
        Nodes.addInputMap(area, sequence(consume(keyPressed(APPLY_KEY), event -> editor.apply()),
                consume(keyPressed(KeyCode.ENTER), event -> area.replaceSelection(
                        AutoIndent.lineBreak(area.getText(), area.getSelection().getStart()))),
                process(keyTyped().onlyIf(event -> "/".equals(event.getCharacter())), event -> closingTag())));
        new EditorStyling(area, analysisThread, editor.error());

        CompletionPopup completion = new CompletionPopup(area, new CompletionEngine(MjcfSchema.mujoco()));
        findBar = new FindBar(find, area);
        StackPane text = new StackPane(new VirtualizedScrollPane<>(area), completion.layer());
        VBox.setVgrow(text, Priority.ALWAYS);
        node = new VBox(findBar, text);
    }

    /** Typing '/' that begins an end tag on a line of its own: one edit, so one undo takes the dedent and '/'. */
    private Result closingTag() {
        if (area.getSelection().getLength() > 0) {
            return Result.PROCEED;
        }
        return AutoIndent.closingTag(area.getText(), area.getCaretPosition()).map(edit -> {
            area.selectRange(edit.start(), edit.end());
            area.replaceSelection(edit.text());
            return Result.CONSUME;
        }).orElse(Result.PROCEED);
    }

    private void show(String text) {
        area.replaceText(text);
        area.moveTo(0);
        area.requestFollowCaret();
    }

    /** The editor with its find bar. */
    public Node node() {
        return node;
    }

    /** The text area itself (focus, tests). */
    public CodeArea area() {
        return area;
    }

    /** Opens the find bar, with the replace row or without. */
    public void find(boolean replace) {
        findBar.open(replace);
    }
}
