package io.simcast.app.console.editor;

import io.simcast.app.console.editor.xml.XmlTags;
import io.simcast.app.console.editor.xml.XmlTags.Tag;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What Enter inserts in the MJCF editor: a line break, the line's own indentation, and one level more after a start
 * tag that the line leaves open (MuJoCo's examples indent two spaces a level). Pure; any thread.
 */
public final class AutoIndent {
    /** One level, as in MuJoCo's examples. */
    public static final String LEVEL = "  ";

    private AutoIndent() {}

    /** The text Enter inserts at {@code caret}. */
    public static String lineBreak(String text, int caret) {
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        String line = text.substring(lineStart, caret);
        int indentEnd = 0;
        while (indentEnd < line.length() && (line.charAt(indentEnd) == ' ' || line.charAt(indentEnd) == '\t')) {
            indentEnd++;
        }
        return "\n" + line.substring(0, indentEnd) + (leavesOpen(line) ? LEVEL : "");
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
}
