package io.simcast.sim.rl;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gymnasium's {@code options} argument of {@code reset}: named numbers or lists of numbers that a task reads when an
 * episode starts (a commanded speed, a target position). A task's create-time options ({@code task_options}: noise,
 * pushes) take the same form. Values may be {@link Number}s, {@link Boolean}s (1 or 0), {@code double[]} or lists of
 * numbers, as a JSON parser produces them; they are checked when a task reads them. Immutable; any thread.
 */
public final class ResetOptions {
    public static final ResetOptions NONE = new ResetOptions(Map.of());

    private final Map<String, Object> values;

    private ResetOptions(Map<String, Object> values) {
        this.values = values;
    }

    /** The given options; {@code null} means none. */
    public static ResetOptions of(Map<String, ?> values) {
        return values == null || values.isEmpty() ? NONE : new ResetOptions(new LinkedHashMap<>(values));
    }

    /** Refuses any reset option not in {@code accepted}. */
    void requireKnown(Collection<String> accepted) {
        for (String name : values.keySet()) {
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException(RlMessages.unknownOption(name, accepted));
            }
        }
    }

    /** Refuses any task option not in {@code accepted}. */
    void requireKnownTaskOptions(Collection<String> accepted) {
        for (String name : values.keySet()) {
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException(RlMessages.unknownTaskOption(name, accepted));
            }
        }
    }

    /** The option {@code name} as one number between {@code low} and {@code high}, or {@code otherwise}. */
    double number(String name, double low, double high, double otherwise) {
        double[] value = vector(name, new double[] {low}, new double[] {high});
        return value == null ? otherwise : value[0];
    }

    /**
     * The option {@code name}, element i between {@code low[i]} and {@code high[i]}; null when not given.
     *
     * @throws IllegalArgumentException when it has the wrong length or a value is out of range
     */
    double[] vector(String name, double[] low, double[] high) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        double[] vector = switch (value) {
            case Number number -> new double[] {number.doubleValue()};
            case Boolean flag -> new double[] {flag ? 1 : 0};
            case double[] array -> array.clone();
            case List<?> list when list.stream().allMatch(Number.class::isInstance) ->
                    list.stream().mapToDouble(n -> ((Number) n).doubleValue()).toArray();
            default -> null;
        };
        if (vector == null || vector.length != low.length) {
            throw new IllegalArgumentException(RlMessages.optionWrongLength(name, low.length));
        }
        for (int i = 0; i < vector.length; i++) {
            if (!(vector[i] >= low[i] && vector[i] <= high[i])) {
                throw new IllegalArgumentException(RlMessages.optionOutOfRange(name, low.length == 1 ? -1 : i,
                        vector[i], low[i], high[i]));
            }
        }
        return vector;
    }
}
