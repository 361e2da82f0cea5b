package io.simcast.app.console.editor;

import io.simcast.app.console.editor.xml.XmlTags.Kind;
import io.simcast.app.console.editor.xml.XmlTags.Tag;
import java.util.List;
import java.util.Optional;

/** Finds the partner of the tag at the caret: a start tag's end tag, an end tag's start tag. Pure; any thread. */
public final class TagMatcher {

    /**
     * The tag at the caret and its partner.
     *
     * @param tag the start or end tag the caret touches
     * @param partner its partner, or null when the document has none (an unclosed element, a stray end tag)
     */
    public record TagPair(Tag tag, Tag partner) {
        public boolean matched() {
            return partner != null;
        }
    }

    private TagMatcher() {}

    /** The pair for the start or end tag the caret touches; empty on text, empty tags, comments. */
    public static Optional<TagPair> at(List<Tag> tags, int caret) {
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            if (tag.start() > caret) {
                break;
            }
            // Between "</a>" and "<b>" the caret touches both: the tag that starts there wins.
            boolean startsHere = i + 1 < tags.size() && tags.get(i + 1).start() == caret;
            if (tag.touches(caret) && !startsHere && !tag.name().isEmpty()) {
                return switch (tag.kind()) {
                    case START -> Optional.of(new TagPair(tag, partner(tags, i, +1, Kind.END)));
                    case END -> Optional.of(new TagPair(tag, partner(tags, i, -1, Kind.START)));
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    /** Walks from tag {@code index} in {@code direction}, counting nested elements of the same name. */
    private static Tag partner(List<Tag> tags, int index, int direction, Kind wanted) {
        String name = tags.get(index).name();
        Kind same = tags.get(index).kind();
        int depth = 0;
        for (int i = index + direction; i >= 0 && i < tags.size(); i += direction) {
            Tag tag = tags.get(i);
            if (!tag.name().equals(name)) {
                continue;
            }
            if (tag.kind() == same) {
                depth++;
            } else if (tag.kind() == wanted && depth-- == 0) {
                return tag;
            }
        }
        return null;
    }
}
