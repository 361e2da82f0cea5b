package io.simcast.app.console.editor;

import io.simcast.app.console.editor.xml.XmlTags;
import io.simcast.app.console.editor.xml.XmlTags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Colours the editor: XML syntax, and over it the tag pair at the caret ({@code match}, or {@code unmatched}) and
 * the line of the last error ({@code error}).
 *
 * <p>JavaFX thread, except the analysis: once typing pauses, the text is scanned and highlighted on the editor's
 * analysis thread, and the result is shown only if the text has not changed since. Decorations are restyled range
 * by range, so moving the caret in a big model costs little.
 */
final class EditorStyling {
    private static final Duration TYPING_PAUSE = Duration.ofMillis(40);

    /** The scan of one version of the text. */
    private record Analysis(long version, int length, List<Tag> tags, StyleSpans<Collection<String>> syntax) {}

    /** A style class laid over [start, end). */
    private record Decoration(int start, int end, String styleClass) {}

    private final CodeArea area;
    private final Executor analysisThread;
    private final ObservableValue<SceneError> error;
    private long version;
    private Analysis current;
    private List<Decoration> shown = List.of();

    EditorStyling(CodeArea area, Executor analysisThread, ObservableValue<SceneError> error) {
        this.area = area;
        this.analysisThread = analysisThread;
        this.error = error;
        area.plainTextChanges().subscribe(change -> version++);
        area.plainTextChanges().successionEnds(TYPING_PAUSE).subscribe(change -> analyze());
        area.caretPositionProperty().addListener((observable, old, caret) -> decorate());
        error.addListener((observable, old, now) -> decorate());
        analyze();
    }

    private void analyze() {
        long analysed = version;
        String text = area.getText();
        CompletableFuture.supplyAsync(() -> {
            List<Tag> tags = XmlTags.scan(text);
            return new Analysis(analysed, text.length(), tags, XmlHighlighter.highlight(text, tags));
        }, analysisThread).thenAcceptAsync(this::show, Platform::runLater);
    }

    private void show(Analysis analysis) {
        if (!fresh(analysis)) {
            return; // typed since: a newer analysis is on its way
        }
        current = analysis;
        area.setStyleSpans(0, analysis.syntax());
        shown = List.of();
        decorate();
    }

    private void decorate() {
        if (!fresh(current)) {
            return; // the text changed (the caret may move before the change is counted): wait for its analysis
        }
        for (Decoration old : shown) {
            area.setStyleSpans(old.start(), current.syntax().subView(old.start(), old.end()));
        }
        shown = decorations();
        for (Decoration decoration : shown) {
            area.setStyleSpans(decoration.start(), area.getStyleSpans(decoration.start(), decoration.end())
                    .mapStyles(styles -> Stream.concat(styles.stream(), Stream.of(decoration.styleClass())).toList()));
        }
    }

    private boolean fresh(Analysis analysis) {
        return analysis != null && analysis.version() == version && analysis.length() == area.getLength();
    }

    private List<Decoration> decorations() {
        List<Decoration> next = new ArrayList<>();
        SceneError failure = error.getValue();
        if (failure != null && failure.hasLine() && failure.line() <= area.getParagraphs().size()) {
            int start = area.getAbsolutePosition(failure.line() - 1, 0);
            int end = start + area.getParagraph(failure.line() - 1).length();
            if (end > start) {
                next.add(new Decoration(start, end, "error"));
            }
        }
        TagMatcher.at(current.tags(), area.getCaretPosition()).ifPresent(pair -> {
            String styleClass = pair.matched() ? "match" : "unmatched";
            next.add(new Decoration(pair.tag().start(), pair.tag().end(), styleClass));
            if (pair.matched()) {
                next.add(new Decoration(pair.partner().start(), pair.partner().end(), styleClass));
            }
        });
        return next;
    }
}
