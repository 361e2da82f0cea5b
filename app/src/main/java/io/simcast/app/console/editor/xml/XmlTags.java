package io.simcast.app.console.editor.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The markup of an XML text, found by a forgiving scan: half-typed text (a tag without its {@code >}, an unclosed
 * element) is the normal case in an editor, so nothing here ever fails. Pure; any thread.
 */
public final class XmlTags {

    /** What a piece of markup is. Only START, END and EMPTY carry a name. */
    public enum Kind {
        /** {@code <body ...>} */
        START,
        /** {@code </body>} */
        END,
        /** {@code <geom .../>} */
        EMPTY,
        /** {@code <!-- ... -->} */
        COMMENT,
        /** {@code <?xml ...?>}, {@code <!DOCTYPE ...>}, {@code <![CDATA[...]]>} */
        OTHER
    }

    /**
     * One piece of markup.
     *
     * @param start offset of its {@code <}
     * @param end offset just after its {@code >}, or where it stops when the {@code >} is still missing
     * @param terminated whether it has its closing {@code >}
     */
    public record Tag(Kind kind, String name, int start, int end, boolean terminated) {
        /** Whether {@code offset} touches this tag: from its {@code <} to just after its {@code >}. */
        public boolean touches(int offset) {
            return start <= offset && offset <= end;
        }
    }

    private XmlTags() {}

    /** Every piece of markup in {@code text}, in order. */
    public static List<Tag> scan(String text) {
        List<Tag> tags = new ArrayList<>();
        int i = text.indexOf('<');
        while (i >= 0) {
            Tag tag = tagAt(text, i);
            tags.add(tag);
            i = text.indexOf('<', Math.max(tag.end(), i + 1));
        }
        return tags;
    }

    /** The elements open at {@code offset}, outermost first (unmatched end tags are ignored). */
    public static List<String> openElements(List<Tag> tags, int offset) {
        return openTags(tags, offset).stream().map(Tag::name).toList();
    }

    /** The start tags of the elements open at {@code offset}, outermost first (unmatched end tags are ignored). */
    public static List<Tag> openTags(List<Tag> tags, int offset) {
        Deque<Tag> open = new ArrayDeque<>();
        for (Tag tag : tags) {
            if (tag.end() > offset) {
                break;
            }
            if (tag.kind() == Kind.START && tag.terminated() && !tag.name().isEmpty()) {
                open.push(tag);
            } else if (tag.kind() == Kind.END && open.stream().anyMatch(start -> start.name().equals(tag.name()))) {
                while (!open.pop().name().equals(tag.name())) {
                    // an element left unclosed inside this one closes with it
                }
            }
        }
        List<Tag> outermostFirst = new ArrayList<>(open);
        return outermostFirst.reversed();
    }

    private static Tag tagAt(String text, int start) {
        if (text.startsWith("<!--", start)) {
            return delimited(text, start, "-->", Kind.COMMENT);
        }
        if (text.startsWith("<![CDATA[", start)) {
            return delimited(text, start, "]]>", Kind.OTHER);
        }
        if (text.startsWith("<?", start)) {
            return delimited(text, start, "?>", Kind.OTHER);
        }
        if (text.startsWith("<!", start)) {
            return delimited(text, start, ">", Kind.OTHER);
        }
        boolean closing = text.startsWith("</", start);
        int nameStart = start + (closing ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring(nameStart, nameEnd);
        // Up to the '>' outside quotes; a '<' outside quotes means the operator is still typing this tag.
        char quote = 0;
        for (int i = nameEnd; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                Kind kind = closing ? Kind.END : text.charAt(i - 1) == '/' ? Kind.EMPTY : Kind.START;
                return new Tag(kind, name, start, i + 1, true);
            } else if (c == '<') {
                return new Tag(closing ? Kind.END : Kind.START, name, start, i, false);
            }
        }
        return new Tag(closing ? Kind.END : Kind.START, name, start, text.length(), false);
    }

    private static Tag delimited(String text, int start, String terminator, Kind kind) {
        int close = text.indexOf(terminator, start + 2);
        return close < 0 ? new Tag(kind, "", start, text.length(), false)
                : new Tag(kind, "", start, close + terminator.length(), true);
    }

    /** Characters of an XML name as MJCF uses them. */
    public static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
    }
}
