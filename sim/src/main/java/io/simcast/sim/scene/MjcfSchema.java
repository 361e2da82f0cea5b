package io.simcast.sim.scene;

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
 * MuJoCo 2.2.2's MJCF schema: which elements may appear under which, and their attributes. The one source of MJCF
 * completion: the console's editor asks it directly, the browser page gets its {@link #outline()} from the host
 * ({@code GET /api/scene/schema}). Read from {@code mjcf-schema.txt}, the text {@code mj_printSchema} prints, plus
 * two rules MuJoCo's reader enforces outside the schema table: {@code worldbody} takes no attributes and no inertial
 * or joints, and {@code include} may stand anywhere. Both rules are built into the outline, so that whoever walks it
 * needs no MuJoCo knowledge of their own. Immutable; any thread.
 */
public final class MjcfSchema {
    private static final String RESOURCE = "mjcf-schema.txt";
    /** "   compiler (*)   autolimits ..." : indentation, name, repetition, attributes. */
    private static final Pattern ELEMENT = Pattern.compile("^( *)(\\S+) \\((.)\\)(.*)$");
    private static final int INDENT = 3;
    private static final String WORLD_BODY = "(world)body";
    private static final Set<String> NOT_IN_WORLDBODY = Set.of("inertial", "joint", "freejoint");
    private static final String INCLUDE = "include";
    private static final List<String> INCLUDE_ATTRIBUTES = List.of("file");
    /** The document (place 0) holds only mujoco; include (place 1) may stand in every element. */
    private static final int DOCUMENT = 0;
    private static final int INCLUDE_PLACE = 1;
    private static final MjcfSchema MUJOCO_2_2_2 = load();

    /**
     * Where an element may stand: its name, its attributes, and the places that may stand inside it (indexes into
     * {@link Outline#places()}; a recursive element such as body or default lists itself).
     */
    public record Place(String name, List<String> attributes, List<Integer> children) {}

    /**
     * The schema as a graph of places, for clients that walk it themselves: start at place 0 (the document, which
     * holds only {@code mujoco}) and follow each open element's name among the current place's children.
     */
    public record Outline(List<Place> places) {}

    private final Outline outline;

    private MjcfSchema(Outline outline) {
        this.outline = outline;
    }

    /** The schema of the MuJoCo that Simcast links (2.2.2). */
    public static MjcfSchema mujoco() {
        return MUJOCO_2_2_2;
    }

    /** The whole schema as a graph of places. */
    public Outline outline() {
        return outline;
    }

    /**
     * The elements that may appear inside the last of {@code openElements} (outermost first), in MuJoCo's order;
     * only {@code mujoco} at the top of a document; none inside an element the schema does not know.
     */
    public List<String> children(List<String> openElements) {
        return resolve(openElements).map(place -> place.children().stream().map(i -> place(i).name()).toList())
                .orElse(List.of());
    }

    /** The attributes of the last of {@code openElements} (outermost first), in MuJoCo's order. */
    public List<String> attributes(List<String> openElements) {
        return resolve(openElements).map(Place::attributes).orElse(List.of());
    }

    /** Every element name the schema knows, {@code worldbody} and {@code include} included. */
    public Set<String> elementNames() {
        Set<String> names = new LinkedHashSet<>();
        outline.places().stream().skip(1).map(Place::name).forEach(names::add);
        return names;
    }

    private Place place(int index) {
        return outline.places().get(index);
    }

    private Optional<Place> resolve(List<String> path) {
        Optional<Place> at = Optional.of(place(DOCUMENT));
        for (String name : path) {
            at = at.flatMap(place -> place.children().stream().map(this::place)
                    .filter(child -> child.name().equals(name)).findFirst());
        }
        return at;
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
        List<Place> places = new ArrayList<>();
        places.add(null); // the document, once mujoco has its index
        places.add(new Place(INCLUDE, INCLUDE_ATTRIBUTES, List.of()));
        int mujoco = root.add(places, true);
        places.set(DOCUMENT, new Place("", List.of(), List.of(mujoco)));
        return new MjcfSchema(new Outline(List.copyOf(places)));
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

        /** Adds this element's place (and its descendants') to {@code places}; returns its index. */
        int add(List<Place> places, boolean isRoot) {
            int index = places.size();
            places.add(null); // reserved: a recursive element lists itself
            List<Integer> inside = new ArrayList<>();
            if (recursive) {
                inside.add(index);
            }
            for (Builder child : children) {
                int place = child.add(places, false);
                // Under mujoco the schema's "(world)body" is worldbody; below it, it is body.
                inside.add(isRoot && child.name.equals("body") ? worldBody(places, place) : place);
            }
            inside.add(INCLUDE_PLACE);
            places.set(index, new Place(name, List.copyOf(attributes), List.copyOf(inside)));
            return index;
        }

        /** worldbody: a body without attributes, inertia or joints. */
        private static int worldBody(List<Place> places, int body) {
            List<Integer> inside = places.get(body).children().stream()
                    .filter(i -> !NOT_IN_WORLDBODY.contains(places.get(i).name())).toList();
            places.add(new Place("worldbody", List.of(), inside));
            return places.size() - 1;
        }
    }
}
