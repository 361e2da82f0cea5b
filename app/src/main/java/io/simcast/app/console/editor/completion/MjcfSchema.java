package io.simcast.app.console.editor.completion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MuJoCo 2.2.2's MJCF schema: which elements may appear under which, and their attributes. Read from
 * {@code mjcf-schema.txt}, the text {@code mj_printSchema} prints, plus two rules MuJoCo's reader enforces outside the
 * schema table: {@code worldbody} takes no attributes and no inertial or joints, and {@code include} may stand
 * anywhere. Immutable; any thread.
 */
public final class MjcfSchema {
    private static final String RESOURCE = "/io/simcast/app/console/editor/mjcf-schema.txt";
    /** "   compiler (*)   autolimits ..." : indentation, name, repetition, attributes. */
    private static final Pattern ELEMENT = Pattern.compile("^( *)(\\S+) \\((.)\\)(.*)$");
    private static final int INDENT = 3;
    private static final String WORLD_BODY = "(world)body";
    private static final Set<String> NOT_IN_WORLDBODY = Set.of("inertial", "joint", "freejoint");
    private static final String INCLUDE = "include";
    private static final List<String> INCLUDE_ATTRIBUTES = List.of("file");
    private static final MjcfSchema MUJOCO_2_2_2 = load();

    /** One element of the schema; {@code recursive} ones may contain themselves (body, default). */
    private record Element(String name, boolean recursive, List<String> attributes, List<Element> children) {}

    /** Where a path of open elements leads: an element, and whether it is the world body. */
    private record Place(Element element, boolean world) {}

    private final Element root;

    private MjcfSchema(Element root) {
        this.root = root;
    }

    /** The schema of the MuJoCo that Simcast links (2.2.2). */
    public static MjcfSchema mujoco() {
        return MUJOCO_2_2_2;
    }

    /**
     * The elements that may appear inside the last of {@code openElements} (outermost first), in MuJoCo's order;
     * only {@code mujoco} at the top of a document; none inside an element the schema does not know.
     */
    public List<String> children(List<String> openElements) {
        if (openElements.isEmpty()) {
            return List.of(root.name());
        }
        return resolve(openElements).map(place -> {
            List<String> names = new ArrayList<>();
            if (place.element().recursive()) {
                names.add(place.element().name());
            }
            place.element().children().stream().map(Element::name)
                    .filter(name -> !(place.world() && NOT_IN_WORLDBODY.contains(name)))
                    .map(name -> place.element() == root && name.equals("body") ? "worldbody" : name)
                    .forEach(names::add);
            names.add(INCLUDE);
            return List.copyOf(names);
        }).orElse(List.of());
    }

    /** The attributes of the last of {@code openElements} (outermost first), in MuJoCo's order. */
    public List<String> attributes(List<String> openElements) {
        if (!openElements.isEmpty() && openElements.getLast().equals(INCLUDE)) {
            return INCLUDE_ATTRIBUTES;
        }
        return resolve(openElements).map(place -> place.world() ? List.<String>of() : place.element().attributes())
                .orElse(List.of());
    }

    /** Every element name the schema knows, {@code worldbody} and {@code include} included. */
    public Set<String> elementNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add("worldbody");
        names.add(INCLUDE);
        collect(root, names);
        return names;
    }

    private static void collect(Element element, Set<String> names) {
        names.add(element.name());
        element.children().forEach(child -> collect(child, names));
    }

    private Optional<Place> resolve(List<String> path) {
        Optional<Place> place = path.getFirst().equals(root.name()) ? Optional.of(new Place(root, false))
                : Optional.empty();
        for (String name : path.subList(1, path.size())) {
            place = place.flatMap(at -> step(at, name));
        }
        return place;
    }

    /** One element deeper. Under mujoco the schema's "(world)body" is worldbody; below it, it is body. */
    private Optional<Place> step(Place place, String name) {
        Element current = place.element();
        if (current == root) {
            boolean world = name.equals("worldbody");
            String schemaName = world ? "body" : name.equals("body") ? "" : name;
            return child(current, schemaName).map(element -> new Place(element, world));
        }
        if (current.recursive() && current.name().equals(name)) {
            return Optional.of(new Place(current, false));
        }
        return child(current, name).map(element -> new Place(element, false));
    }

    private static Optional<Element> child(Element parent, String name) {
        return parent.children().stream().filter(child -> child.name().equals(name)).findFirst();
    }

    // ---- reading the resource ------------------------------------------------------------------------------------

    private static MjcfSchema load() {
        try (InputStream in = MjcfSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses mj_printSchema's plain-text layout; lines starting with '#' are comments. */
    static MjcfSchema parse(List<String> lines) {
        List<Builder> stack = new ArrayList<>();
        Builder root = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher element = ELEMENT.matcher(line);
            if (!element.matches()) {
                if (stack.isEmpty()) {
                    throw new IllegalArgumentException("schema starts with a continuation line: " + line);
                }
                stack.getLast().attributes.addAll(words(line)); // attributes wrapped onto the next line
                continue;
            }
            int depth = element.group(1).length() / INDENT;
            String name = element.group(2).equals(WORLD_BODY) ? "body" : element.group(2);
            Builder builder = new Builder(name, element.group(3).equals("R"));
            builder.attributes.addAll(words(element.group(4)));
            while (stack.size() > depth) {
                stack.removeLast();
            }
            if (stack.isEmpty()) {
                root = builder;
            } else {
                stack.getLast().children.add(builder);
            }
            stack.add(builder);
        }
        if (root == null) {
            throw new IllegalArgumentException("empty schema");
        }
        return new MjcfSchema(root.build());
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    private static final class Builder {
        final String name;
        final boolean recursive;
        final List<String> attributes = new ArrayList<>();
        final List<Builder> children = new ArrayList<>();

        Builder(String name, boolean recursive) {
            this.name = name;
            this.recursive = recursive;
        }

        Element build() {
            return new Element(name, recursive, List.copyOf(attributes),
                    children.stream().map(Builder::build).toList());
        }
    }
}
