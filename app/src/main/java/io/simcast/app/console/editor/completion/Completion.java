package io.simcast.app.console.editor.completion;

import java.util.List;
import java.util.Map;

/**
 * What may be typed at the caret: the candidates, and the text range a chosen one replaces. Immutable.
 *
 * @param kind what the candidates are
 * @param from start of the replaced range (the partly typed word)
 * @param to end of the replaced range
 * @param candidates names valid here that start with what is typed, in MuJoCo's order
 * @param descriptions a line on what each candidate is, where there is one ({@link MjcfDescriptions})
 */
public record Completion(Kind kind, int from, int to, List<String> candidates, Map<String, String> descriptions) {

    /** What a candidate is, and so how it is inserted. */
    public enum Kind {
        /** An element name after a typed {@code <}. */
        ELEMENT,
        /** An element name where no tag is open yet: inserted with its {@code <}. */
        NEW_ELEMENT,
        /** The name of the element an end tag closes. */
        END_TAG,
        /** An attribute name inside a start tag: inserted as {@code name=""}. */
        ATTRIBUTE
    }

    public Completion {
        candidates = List.copyOf(candidates);
        descriptions = Map.copyOf(descriptions);
    }

    /** The line on {@code candidate}, or an empty one. */
    public String description(String candidate) {
        return descriptions.getOrDefault(candidate, "");
    }

    /** The text that replaces [from, to) when {@code candidate} is chosen. */
    public String insertion(String candidate) {
        return switch (kind) {
            case ELEMENT, END_TAG -> candidate;
            case NEW_ELEMENT -> "<" + candidate;
            case ATTRIBUTE -> candidate + "=\"\"";
        };
    }

    /** Where the caret goes after inserting {@code candidate}: between an attribute's quotes, else after it. */
    public int caretAfter(String candidate) {
        int end = from + insertion(candidate).length();
        return kind == Kind.ATTRIBUTE ? end - 1 : end;
    }
}
