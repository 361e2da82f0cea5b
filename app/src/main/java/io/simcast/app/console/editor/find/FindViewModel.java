package io.simcast.app.console.editor.find;

import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.editor.find.TextSearch.Hit;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Find and replace: what to look for, what to put instead, and the "2 of 5" the bar shows. Works on the text it is
 * given; the view selects and replaces in the editor. JavaFX thread.
 */
public final class FindViewModel {
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty replacement = new SimpleStringProperty("");
    private final BooleanProperty matchCase = new SimpleBooleanProperty(false);
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final BooleanProperty replacing = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public StringProperty query() {
        return query;
    }

    public StringProperty replacement() {
        return replacement;
    }

    public BooleanProperty matchCase() {
        return matchCase;
    }

    /** Whether the bar is open. */
    public BooleanProperty visible() {
        return visible;
    }

    /** Whether the bar shows the replace row. */
    public BooleanProperty replacing() {
        return replacing;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Opens the bar, with the replace row or without. */
    public void open(boolean replace) {
        replacing.set(replace);
        visible.set(true);
    }

    public void close() {
        visible.set(false);
        status.set("");
    }

    /** The next occurrence at or after {@code from}, wrapping around. */
    public Optional<Hit> findNext(String text, int from) {
        return report(text, search().next(text, from));
    }

    /** The previous occurrence ending at or before {@code before}, wrapping around. */
    public Optional<Hit> findPrevious(String text, int before) {
        return report(text, search().previous(text, before));
    }

    /** Whether the selection [start, end) is an occurrence that Replace would replace. */
    public boolean isOccurrence(String text, int start, int end) {
        return search().isHit(text, start, end);
    }

    /** Every occurrence Replace all replaces, in order, as offsets into {@code text} before any replacement. */
    public List<Hit> occurrencesToReplace(String text) {
        List<Hit> hits = search().all(text);
        status.set(Texts.replacedCount(hits.size()));
        return hits;
    }

    private Optional<Hit> report(String text, Optional<Hit> hit) {
        List<Hit> all = search().all(text);
        status.set(hit.map(h -> Texts.matchPosition(all.indexOf(h) + 1, all.size())).orElse(Texts.NO_MATCHES));
        return hit;
    }

    private TextSearch search() {
        return new TextSearch(query.get(), matchCase.get());
    }
}
