package io.simcast.app.console.editor;

import io.simcast.app.console.editor.xml.XmlTags;
import io.simcast.app.console.editor.xml.XmlTags.Tag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What Enter inserts in the MJCF editor: a line break, the line's own indentation, and one level more after a start
 * tag that the line leaves open (MuJoCo's examples indent two spaces a level). And the other half, as code editors
 * do: an end tag begun on a line of its own ({@code </} typed after the indentation Enter gave) moves back to the
 * level of the start tag it closes. Pure; any thread.
 */
public final class AutoIndent {
    /** One level, as in MuJoCo's examples. */
    public static final String LEVEL = "  ";

    /** Replace the text from {@code start} to {@code end} with {@code text}. */
    public record Edit(int start, int end, String text) {}

    private AutoIndent() {}

    /** The text Enter inserts at {@code caret}. */
    public static String lineBreak(String text, int caret) {
        String line = text.substring(text.lastIndexOf('\n', caret - 1) + 1, caret);
        return "\n" + indentationOfLine(line, 0) + (leavesOpen(line) ? LEVEL : "");
    }

    /** Whether the line opens an element it does not close (or stops inside a start tag). */
    private static boolean leavesOpen(String line) {
        Deque<String> open = new ArrayDeque<>();
        for (Tag tag : XmlTags.scan(line)) {
            switch (tag.kind()) {
                case START -> open.push(tag.name());
                case END -> {
                    if (!open.isEmpty() && open.peek().equalsIgnoreCase(tag.name())) {
                        open.pop();
                    }
                }
                default -> { } // empty elements, comments and declarations open nothing
            }
            if (!tag.terminated()) {
                return tag.kind() == XmlTags.Kind.START; // attributes go on below, one level in
            }
        }
        return !open.isEmpty();
    }

    /**
     * What typing {@code /} at {@code caret} becomes, when it begins an end tag on a line of its own (the line holds
     * only indentation and the {@code <} just before the caret): {@code </} at the indentation of the line holding
     * the start tag of the innermost element open there. Empty when the line holds more, nothing is open, or the
     * indentation is right already: then {@code /} is typed as it is.
     */
    public static Optional<Edit> closingTag(String text, int caret) {
        if (caret == 0 || text.charAt(caret - 1) != '<') {
            return Optional.empty();
        }
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        int lineEnd = text.indexOf('\n', caret);
        String indentation = text.substring(lineStart, caret - 1);
        if (!blank(indentation) || !blank(text.substring(caret, lineEnd < 0 ? text.length() : lineEnd))) {
            return Optional.empty();
        }
        List<Tag> open = XmlTags.openTags(XmlTags.scan(text.substring(0, lineStart)), lineStart);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String level = indentationOfLine(text, open.getLast().start());
        return level.equals(indentation) ? Optional.empty() : Optional.of(new Edit(lineStart, caret, level + "</"));
    }

    /** The spaces and tabs that begin the line holding {@code offset}. */
    private static String indentationOfLine(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int end = lineStart;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(lineStart, end);
    }

    private static boolean blank(String text) {
        return text.chars().allMatch(c -> c == ' ' || c == '\t');
    }
}
