package io.simcast.app.console.editor.find;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Literal text search over a document, forwards or backwards, wrapping at the ends. Pure; any thread. */
public final class TextSearch {

    /** A found occurrence, [start, end). */
    public record Hit(int start, int end) {}

    private final String query;
    private final boolean matchCase;

    public TextSearch(String query, boolean matchCase) {
        this.query = query;
        this.matchCase = matchCase;
    }

    /** Every occurrence, in order, not overlapping; none for an empty query. */
    public List<Hit> all(String text) {
        List<Hit> hits = new ArrayList<>();
        for (int at = indexOf(text, 0); at >= 0; at = indexOf(text, at + query.length())) {
            hits.add(new Hit(at, at + query.length()));
        }
        return hits;
    }

    /** The first occurrence starting at or after {@code from}, else the first in the text. */
    public Optional<Hit> next(String text, int from) {
        List<Hit> hits = all(text);
        return hits.stream().filter(hit -> hit.start() >= from).findFirst().or(() -> hits.stream().findFirst());
    }

    /** The last occurrence ending at or before {@code before}, else the last in the text. */
    public Optional<Hit> previous(String text, int before) {
        List<Hit> hits = all(text).reversed();
        return hits.stream().filter(hit -> hit.end() <= before).findFirst().or(() -> hits.stream().findFirst());
    }

    /** Whether [start, end) of {@code text} is an occurrence. */
    public boolean isHit(String text, int start, int end) {
        return !query.isEmpty() && end - start == query.length()
                && text.regionMatches(!matchCase, start, query, 0, query.length());
    }

    private int indexOf(String text, int from) {
        if (query.isEmpty()) {
            return -1;
        }
        if (matchCase) {
            return text.indexOf(query, from);
        }
        for (int i = from; i <= text.length() - query.length(); i++) {
            if (text.regionMatches(!matchCase, i, query, 0, query.length())) {
                return i;
            }
        }
        return -1;
    }
}
