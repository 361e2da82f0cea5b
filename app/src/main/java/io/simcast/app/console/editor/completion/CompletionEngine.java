package io.simcast.app.console.editor.completion;

import io.simcast.app.console.editor.xml.XmlTags;
import io.simcast.app.console.editor.xml.XmlTags.Tag;
import io.simcast.sim.scene.MjcfSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MJCF completion: inside a tag name, the elements valid under the enclosing element; inside a start tag, the
 * attributes of that element not yet written; between tags, the elements valid there; each with a line on what it is
 * ({@link MjcfDescriptions}). Pure; any thread.
 */
public final class CompletionEngine {
    private static final Pattern WRITTEN_ATTRIBUTE = Pattern.compile("([\\w.:-]+)\\s*=");

    private final MjcfSchema schema;
    private final MjcfDescriptions descriptions = MjcfDescriptions.builtIn();

    public CompletionEngine(MjcfSchema schema) {
        this.schema = schema;
    }

    /** What may be typed at {@code caret} in {@code text}; empty inside comments and attribute values. */
    public Optional<Completion> complete(String text, int caret) {
        List<Tag> tags = XmlTags.scan(text);
        Optional<Tag> inside = tags.stream()
                .filter(tag -> tag.start() < caret && (caret < tag.end() || !tag.terminated() && caret == tag.end()))
                .findFirst();
        if (inside.isEmpty()) {
            List<String> open = XmlTags.openElements(tags, caret);
            return Optional.of(elements(Completion.Kind.NEW_ELEMENT, caret, caret, schema.children(open), open));
        }
        Tag tag = inside.get();
        String typed = text.substring(tag.start() + 1, caret);
        List<String> open = XmlTags.openElements(tags, tag.start());
        return switch (tag.kind()) {
            case COMMENT, OTHER -> Optional.empty();
            case END -> open.isEmpty() ? Optional.empty() : name(text, caret, tag.start() + 2,
                    Completion.Kind.END_TAG, List.of(open.getLast()), open.subList(0, open.size() - 1));
            case START, EMPTY -> isName(typed) ? name(text, caret, tag.start() + 1, Completion.Kind.ELEMENT,
                    schema.children(open), open) : attribute(text, caret, tag, typed, open);
        };
    }

    /** Completing the element name that starts at {@code nameStart}, inside the {@code open} elements. */
    private Optional<Completion> name(String text, int caret, int nameStart, Completion.Kind kind, List<String> names,
                                      List<String> open) {
        String prefix = text.substring(nameStart, caret);
        return Optional.of(elements(kind, nameStart, wordEnd(text, caret), startingWith(names, prefix), open));
    }

    /** Element candidates with a line on each. */
    private Completion elements(Completion.Kind kind, int from, int to, List<String> names, List<String> open) {
        Optional<String> parent = open.isEmpty() ? Optional.empty() : Optional.of(open.getLast());
        Map<String, String> lines = new HashMap<>();
        names.forEach(name -> descriptions.element(parent, name).ifPresent(line -> lines.put(name, line)));
        return new Completion(kind, from, to, names, lines);
    }

    private Optional<Completion> attribute(String text, int caret, Tag tag, String typed, List<String> open) {
        if (insideQuotes(typed)) {
            return Optional.empty();
        }
        int wordStart = caret;
        while (wordStart > tag.start() && XmlTags.isNameChar(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (!Character.isWhitespace(text.charAt(wordStart - 1))) {
            return Optional.empty(); // right after a value's closing quote: a space must come first
        }
        Set<String> written = new HashSet<>();
        Matcher matcher = WRITTEN_ATTRIBUTE.matcher(text).region(tag.start(), tag.end());
        while (matcher.find()) {
            written.add(matcher.group(1));
        }
        List<String> path = new ArrayList<>(open);
        path.add(tag.name());
        List<String> names = startingWith(schema.attributes(path).stream().filter(name -> !written.contains(name))
                .toList(), text.substring(wordStart, caret));
        Map<String, String> lines = new HashMap<>();
        names.forEach(name -> descriptions.attribute(tag.name(), name).ifPresent(line -> lines.put(name, line)));
        return Optional.of(new Completion(Completion.Kind.ATTRIBUTE, wordStart, wordEnd(text, caret), names, lines));
    }

    private static boolean isName(String typed) {
        return typed.chars().allMatch(c -> XmlTags.isNameChar((char) c));
    }

    private static boolean insideQuotes(String typed) {
        char quote = 0;
        for (char c : typed.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            }
        }
        return quote != 0;
    }

    private static int wordEnd(String text, int caret) {
        int end = caret;
        while (end < text.length() && XmlTags.isNameChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static List<String> startingWith(List<String> names, String prefix) {
        return names.stream().filter(name -> name.startsWith(prefix)).toList();
    }
}
