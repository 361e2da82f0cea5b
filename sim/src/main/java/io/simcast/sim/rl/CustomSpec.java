package io.simcast.sim.rl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An environment made from a model of one's own (docs/RL.md, "Your own model"): which actuators the actions drive,
 * what is observed, the reward as a weighted sum of documented terms, when an episode terminates, and how a step and
 * an episode start. What {@code POST /api/rl/create}'s {@code "custom"} object says, read by {@link #parse}; the
 * names are checked against the model by {@link CustomTask}. Immutable.
 *
 * @param title a name for people
 * @param actions actuator names, in action order; empty: every actuator of the model
 * @param observations what is observed, in order: {@code qpos}, {@code qvel} (all of them), {@code qpos:JOINT},
 *     {@code qvel:JOINT}, {@code sensor:NAME}, or the world position of {@code body:NAME}, {@code site:NAME},
 *     {@code geom:NAME}
 * @param reward summed, each term's value times its weight
 * @param termination the episode terminates when any of these holds
 * @param frameSkip physics steps per environment step
 * @param keyframe the keyframe episodes start from; empty: the model's reference pose
 * @param resetNoise uniform noise of this size added to every qpos and qvel at a reset
 */
public record CustomSpec(String title, List<String> actions, List<String> observations, List<Term> reward,
                         List<Term> termination, int frameSkip, Optional<String> keyframe, double resetNoise) {
    public static final int DEFAULT_FRAME_SKIP = 5;
    public static final int MAX_FRAME_SKIP = 1000;
    /** Terms and what they measure. */
    public static final Set<String> TERMS = Set.of(Term.DISTANCE, Term.HEIGHT, Term.VELOCITY, Term.CONTROL,
            Term.ALIVE);
    static final List<String> DEFAULT_OBSERVATIONS = List.of("qpos", "qvel");

    public CustomSpec {
        actions = List.copyOf(actions);
        observations = List.copyOf(observations);
        reward = List.copyOf(reward);
        termination = List.copyOf(termination);
    }

    /**
     * One reward or termination term.
     *
     * @param kind {@code distance} between two points, {@code height} (world z) of a point, {@code velocity} of a
     *     point along a world axis (its change of position over the step), {@code control} (the sum of the squared
     *     actions) or {@code alive} (1)
     * @param of the points it measures ({@code body:NAME}, {@code site:NAME}, {@code geom:NAME}): two for distance,
     *     one for height and velocity, none otherwise
     * @param axis x, y or z for velocity
     * @param weight its factor in the reward
     * @param below as a termination: when the value falls below this
     * @param above as a termination: when the value rises above this
     */
    public record Term(String kind, List<String> of, String axis, double weight, OptionalDouble below,
                       OptionalDouble above) {
        public static final String DISTANCE = "distance";
        public static final String HEIGHT = "height";
        public static final String VELOCITY = "velocity";
        public static final String CONTROL = "control";
        public static final String ALIVE = "alive";

        public Term {
            of = List.copyOf(of);
        }

        /** How many points the kind measures. */
        int points() {
            return switch (kind) {
                case DISTANCE -> 2;
                case HEIGHT, VELOCITY -> 1;
                default -> 0;
            };
        }
    }

    /**
     * Reads the JSON form (docs/RL.md).
     *
     * @throws IllegalArgumentException naming the field that is wrong, as {@code custom.reward[1].of}
     */
    public static CustomSpec parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw wrong("custom", "an object (docs/RL.md, \"Your own model\")");
        }
        String title = node.path("title").asText("Custom");
        List<String> actions = strings(node.get("actions"), "custom.actions", List.of());
        List<String> observations = strings(node.get("observations"), "custom.observations", DEFAULT_OBSERVATIONS);
        List<Term> reward = terms(node.get("reward"), "custom.reward", false);
        List<Term> termination = terms(node.get("terminate_when"), "custom.terminate_when", true);
        int frameSkip = whole(node.get("frame_skip"), "custom.frame_skip", 1, MAX_FRAME_SKIP, DEFAULT_FRAME_SKIP);
        JsonNode keyframe = node.get("keyframe");
        if (keyframe != null && !keyframe.isNull() && !keyframe.isTextual()) {
            throw wrong("custom.keyframe", "the name of a keyframe of the model");
        }
        double noise = number(node.get("reset_noise"), "custom.reset_noise", 0, 10, 0);
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!List.of("title", "actions", "observations", "reward", "terminate_when", "frame_skip", "keyframe",
                    "reset_noise", "mjcf", "scene").contains(field)) {
                throw new IllegalArgumentException(RlMessages.customUnknownField(field));
            }
        }
        return new CustomSpec(title, actions, observations, reward, termination, frameSkip,
                keyframe == null || keyframe.isNull() ? Optional.empty() : Optional.of(keyframe.asText()), noise);
    }

    private static List<Term> terms(JsonNode node, String where, boolean termination) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrong(where, "a list of terms");
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            terms.add(term(node.get(i), where + "[" + i + "]", termination));
        }
        return terms;
    }

    private static Term term(JsonNode node, String where, boolean termination) {
        if (!node.isObject()) {
            throw wrong(where, "an object such as {\"term\": \"height\", \"of\": \"body:torso\", "
                    + (termination ? "\"below\": 0.8}" : "\"weight\": 1}"));
        }
        String kind = node.path("term").asText("");
        if (!TERMS.contains(kind) || termination && !List.of(Term.DISTANCE, Term.HEIGHT, Term.VELOCITY)
                .contains(kind)) {
            throw new IllegalArgumentException(RlMessages.customUnknownTerm(where + ".term", kind, termination));
        }
        List<String> of = strings(node.get("of"), where + ".of", List.of());
        Term shape = new Term(kind, of, "", 0, OptionalDouble.empty(), OptionalDouble.empty());
        if (of.size() != shape.points()) {
            throw new IllegalArgumentException(RlMessages.customWrongPoints(where + ".of", kind, shape.points(),
                    of.size()));
        }
        String axis = node.path("axis").asText("x");
        if (kind.equals(Term.VELOCITY) && !List.of("x", "y", "z").contains(axis)) {
            throw wrong(where + ".axis", "x, y or z");
        }
        double weight = number(node.get("weight"), where + ".weight", -1e6, 1e6, termination ? 0 : Double.NaN);
        OptionalDouble below = optional(node.get("below"), where + ".below");
        OptionalDouble above = optional(node.get("above"), where + ".above");
        if (termination && below.isEmpty() && above.isEmpty()) {
            throw wrong(where, "a \"below\" or \"above\" threshold");
        }
        return new Term(kind, of, axis, weight, below, above);
    }

    private static List<String> strings(JsonNode node, String where, List<String> otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw wrong(where, "a list of names");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw wrong(where, "a list of names");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static int whole(JsonNode node, String where, int low, int high, int otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.canConvertToExactIntegral() || node.asLong() < low || node.asLong() > high) {
            throw wrong(where, "a whole number from " + low + " to " + high);
        }
        return node.asInt();
    }

    /** A number in [low, high]; {@code otherwise} when absent, and NaN there means it is required. */
    private static double number(JsonNode node, String where, double low, double high, double otherwise) {
        if (node == null || node.isNull()) {
            if (Double.isNaN(otherwise)) {
                throw wrong(where, "a number");
            }
            return otherwise;
        }
        if (!node.isNumber() || !(node.asDouble() >= low && node.asDouble() <= high)) {
            throw wrong(where, "a number from " + low + " to " + high);
        }
        return node.asDouble();
    }

    private static OptionalDouble optional(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return OptionalDouble.empty();
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw wrong(where, "a number");
        }
        return OptionalDouble.of(node.asDouble());
    }

    private static IllegalArgumentException wrong(String where, String expected) {
        return new IllegalArgumentException(RlMessages.customFieldWrong(where, expected));
    }
}
