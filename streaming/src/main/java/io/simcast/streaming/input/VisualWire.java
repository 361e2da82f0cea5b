package io.simcast.streaming.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.render.VisualFlag;
import io.simcast.sim.render.VisualFrame;
import io.simcast.sim.render.VisualLabel;
import io.simcast.sim.render.VisualOptions;
import io.simcast.streaming.StreamingMessages;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * A view's visual options as they travel: {@code {"flags": ["contact_points", ...], "frame": "body", "label":
 * "none"}}, the flags that are on by their lower-case names (docs/PROTOCOL.md, "visual"). The welcome carries a new
 * view's options in this form, and the page's {@code visual} event sends them back whole. Immutable; any thread.
 */
public record VisualWire(List<String> flags, String frame, String label) {
    public VisualWire {
        flags = List.copyOf(flags);
    }

    public static VisualWire of(VisualOptions options) {
        return new VisualWire(options.flags().stream().sorted().map(VisualWire::wire).toList(), wire(options.frame()),
                wire(options.label()));
    }

    /**
     * The options in a {@code visual} event; {@code frame} and {@code label} default to none.
     *
     * @throws IllegalArgumentException naming the field and the names it takes
     */
    static VisualOptions parse(JsonNode message) {
        JsonNode flags = message.get("flags");
        if (flags == null || !flags.isArray()) {
            throw new IllegalArgumentException(StreamingMessages.badField("visual", "flags",
                    "a list of the flags that are on, of " + names(VisualFlag.values())));
        }
        EnumSet<VisualFlag> on = EnumSet.noneOf(VisualFlag.class);
        for (JsonNode flag : flags) {
            on.add(named(VisualFlag.class, flag.asText(""), "flags"));
        }
        return new VisualOptions(on, named(VisualFrame.class, message.path("frame").asText("none"), "frame"),
                named(VisualLabel.class, message.path("label").asText("none"), "label"));
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String field) {
        for (E value : type.getEnumConstants()) {
            if (wire(value).equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException(StreamingMessages.badField("visual", field,
                "one of " + names(type.getEnumConstants()) + ", not \"" + name + "\""));
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(VisualWire::wire).toList());
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
