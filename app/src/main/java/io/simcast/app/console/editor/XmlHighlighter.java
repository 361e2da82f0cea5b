package io.simcast.app.console.editor;

import io.simcast.app.console.editor.xml.XmlTags;
import io.simcast.app.console.editor.xml.XmlTags.Tag;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Syntax colours for XML as RichTextFX style classes ({@code editor.css} paints them): {@code tag} (brackets and
 * element names), {@code attribute}, {@code value}, {@code comment}, {@code prolog}. Pure; runs on the editor's
 * analysis thread.
 */
public final class XmlHighlighter {
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w.:-]+)(\\s*=\\s*)(\"[^\"]*\"?|'[^']*'?)?");

    private XmlHighlighter() {}

    /** Style spans covering all of {@code text}, built from its already scanned {@code tags}. */
    public static StyleSpans<Collection<String>> highlight(String text, List<Tag> tags) {
        Spans spans = new Spans();
        for (Tag tag : tags) {
            spans.plain(tag.start());
            switch (tag.kind()) {
                case COMMENT -> spans.styled("comment", tag.end());
                case OTHER -> spans.styled("prolog", tag.end());
                case START, END, EMPTY -> element(text, tag, spans);
            }
        }
        spans.plain(text.length());
        return spans.build();
    }

    private static void element(String text, Tag tag, Spans spans) {
        int nameEnd = tag.start() + (tag.kind() == XmlTags.Kind.END ? 2 : 1) + tag.name().length();
        spans.styled("tag", nameEnd);
        int closeStart = tag.terminated() ? closingBracket(text, tag) : tag.end();
        Matcher attribute = ATTRIBUTE.matcher(text).region(nameEnd, closeStart);
        while (attribute.find()) {
            spans.plain(attribute.start(1));
            spans.styled("attribute", attribute.end(1));
            if (attribute.group(3) != null) {
                spans.plain(attribute.start(3));
                spans.styled("value", attribute.end(3));
            }
        }
        spans.plain(closeStart);
        spans.styled("tag", tag.end());
    }

    /** Where "&gt;" or "/&gt;" starts at the end of a terminated tag. */
    private static int closingBracket(String text, Tag tag) {
        int bracket = tag.end() - 1;
        return tag.kind() == XmlTags.Kind.EMPTY ? bracket - 1 : bracket;
    }

    /** Builds contiguous spans; each call extends the spans up to {@code end}. */
    private static final class Spans {
        private final StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        private int covered;
        private boolean empty = true;

        void plain(int end) {
            add(List.of(), end);
        }

        void styled(String styleClass, int end) {
            add(List.of(styleClass), end);
        }

        private void add(Collection<String> style, int end) {
            if (end > covered) {
                builder.add(style, end - covered);
                covered = end;
                empty = false;
            }
        }

        StyleSpans<Collection<String>> build() {
            if (empty) {
                builder.add(List.of(), 0);
            }
            return builder.create();
        }
    }
}
