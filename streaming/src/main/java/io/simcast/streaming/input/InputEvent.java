package io.simcast.streaming.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.render.Modifiers;
import io.simcast.sim.render.PointerButton;
import io.simcast.sim.render.VisualOptions;
import io.simcast.streaming.StreamingMessages;
import java.util.List;
import java.util.OptionalInt;

/**
 * One browser input event in the seed protocol (docs/PROTOCOL.md), parsed and checked. Coordinates are in the
 * viewer's video pixels. Immutable; parsed on whichever thread received the message.
 */
public sealed interface InputEvent {
    /** Every {@code type} this parser accepts. */
    List<String> TYPES = List.of("mouse_move", "mouse_down", "mouse_up", "wheel", "double_click", "key_down",
            "key_up", "command", "camera", "visual", "size");

    /** Pointer moved; {@code buttons} is the DOM bit mask of held buttons (1 left, 2 right, 4 middle). */
    record PointerMove(double x, double y, int buttons, Modifiers modifiers) implements InputEvent {}

    /** A button went down or up. */
    record Press(boolean down, double x, double y, PointerButton button, Modifiers modifiers) implements InputEvent {}

    /** The wheel turned, in DOM pixels (100 per notch); negative {@code dy} is away from the user. */
    record Wheel(double dx, double dy) implements InputEvent {}

    record DoubleClick(double x, double y, PointerButton button, Modifiers modifiers) implements InputEvent {}

    /** A key went down or up; {@code code} is the DOM {@code KeyboardEvent.code}. */
    record Key(boolean down, String code, boolean alt, boolean ctrl, boolean shift, boolean meta)
            implements InputEvent {}

    /**
     * The viewer's camera: through the model's fixed camera {@code fixed} (0-based, model order), or, without one,
     * back to the model's default free camera.
     */
    record Camera(OptionalInt fixed) implements InputEvent {}

    /**
     * The size in device pixels at which the page shows the video: the viewer's own view is rendered at it, within
     * the host's video size ({@link io.simcast.streaming.VideoFormat#fit}).
     */
    record DisplaySize(int width, int height) implements InputEvent {}

    /** What the viewer's own view draws (simulate's Rendering switches), whole ({@link VisualWire}). */
    record Visual(VisualOptions options) implements InputEvent {}

    /** A named simulation command ({@link Commands}), checked when it was parsed. */
    record Command(String cmd, SimCommand command) implements InputEvent {}

    /**
     * The original remote viewer's clients wrap each input event as {@code {"type": "event", "data": {...}}}; the
     * event inside is parsed as if it came alone.
     */
    String WRAPPER = "event";

    /** The widest or tallest display a {@code size} event may name (an 8K screen). */
    int MAX_DISPLAY_PIXELS = 8192;

    /** Whether {@code type} names an input event or its wrapper (as opposed to a signalling message). */
    static boolean isInputType(String type) {
        return TYPES.contains(type) || WRAPPER.equals(type);
    }

    /**
     * Parses one message.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static InputEvent parse(JsonNode message) {
        String type = message.path("type").asText("");
        if (type.equals(WRAPPER)) {
            JsonNode data = message.get("data");
            if (data == null || !data.isObject() || data.path("type").asText("").equals(WRAPPER)) {
                throw new IllegalArgumentException(StreamingMessages.badField(WRAPPER, "data", "an input event"));
            }
            return parse(data);
        }
        return switch (type) {
            case "mouse_move" -> new PointerMove(number(message, "x"), number(message, "y"),
                    (int) optionalNumber(message, "buttons", 0), modifiers(message));
            case "mouse_down", "mouse_up" -> new Press(type.equals("mouse_down"), number(message, "x"),
                    number(message, "y"), button(message), modifiers(message));
            case "wheel" -> new Wheel(optionalNumber(message, "dx", 0), optionalNumber(message, "dy", 0));
            case "double_click" -> new DoubleClick(number(message, "x"), number(message, "y"), button(message),
                    modifiers(message));
            case "key_down", "key_up" -> new Key(type.equals("key_down"), code(message),
                    message.path("alt").asBoolean(false), message.path("ctrl").asBoolean(false),
                    message.path("shift").asBoolean(false), message.path("meta").asBoolean(false));
            case "camera" -> new Camera(message.has("fixed") ? OptionalInt.of(cameraIndex(message))
                    : OptionalInt.empty());
            case "visual" -> new Visual(VisualWire.parse(message));
            case "size" -> new DisplaySize(pixels(message, "width"), pixels(message, "height"));
            case "command" -> new Command(message.path("cmd").asText(""),
                    Commands.parse(message.path("cmd").asText(null), message.get("params")));
            default -> throw new IllegalArgumentException(StreamingMessages.unknownMessageType(type));
        };
    }

    private static double number(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException(StreamingMessages.badField(message.path("type").asText(), field,
                    "a number"));
        }
        return value.asDouble();
    }

    private static double optionalNumber(JsonNode message, String field, double otherwise) {
        return message.has(field) ? number(message, field) : otherwise;
    }

    /** A whole number of device pixels, 1 to {@value #MAX_DISPLAY_PIXELS}. */
    private static int pixels(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.canConvertToExactIntegral() || value.asLong() < 1
                || value.asLong() > MAX_DISPLAY_PIXELS) {
            throw new IllegalArgumentException(StreamingMessages.badField("size", field,
                    "a whole number of pixels from 1 to " + MAX_DISPLAY_PIXELS));
        }
        return value.asInt();
    }

    private static int cameraIndex(JsonNode message) {
        JsonNode fixed = message.get("fixed");
        if (!fixed.canConvertToExactIntegral() || fixed.asLong() < 0 || fixed.asLong() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(StreamingMessages.badField("camera", "fixed",
                    "the index of one of the model's cameras, from 0"));
        }
        return fixed.asInt();
    }

    /** DOM button numbers: 0 left, 1 middle, 2 right. */
    private static PointerButton button(JsonNode message) {
        double button = optionalNumber(message, "button", 0);
        if (button == 0) {
            return PointerButton.LEFT;
        } else if (button == 1) {
            return PointerButton.MIDDLE;
        } else if (button == 2) {
            return PointerButton.RIGHT;
        }
        throw new IllegalArgumentException(StreamingMessages.badField(message.path("type").asText(), "button",
                "0 (left), 1 (middle) or 2 (right)"));
    }

    private static String code(JsonNode message) {
        JsonNode code = message.get("code");
        if (code == null || !code.isTextual() || code.asText().isEmpty() || code.asText().length() > 32) {
            throw new IllegalArgumentException(StreamingMessages.badField(message.path("type").asText(), "code",
                    "a KeyboardEvent.code name such as \"Space\""));
        }
        return code.asText();
    }

    /** simulate reads Shift and Ctrl during drags; Alt and Meta change nothing there. */
    private static Modifiers modifiers(JsonNode message) {
        return new Modifiers(message.path("shift").asBoolean(false), message.path("ctrl").asBoolean(false));
    }
}
