package io.simcast.streaming.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.StreamingMessages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each key and each named command does: the one definition that every client goes through. Keys
 * ({@link #perform}) come from the browser page (the viewer's input thread, {@link ViewerInput}) and from the
 * console (its key handler and the toolbar buttons, which act as their keys); named commands ({@link #parse}) from
 * {@code POST /api/sim/command}, the page's {@code command} message and its buttons, and the MCP tools to come. Both
 * produce the same {@link SimCommand} records: Space is {@code toggle}, Right arrow {@code step} with a count of 1,
 * Backspace {@code reset}, - and = {@code slower} and {@code faster} (half or twice the factor the physics thread
 * holds, within the limits, so quick presses never read a stale speed), F1 to F4 show or hide the client's help,
 * info, profiler and sensor panels (simulate 2.2.2's keys).
 *
 * <p>It lives in {@code streaming.input}, not in {@code sim}: it needs only sim's types, but the names it defines
 * (DOM key codes through {@link KeyMap}, command names, their error sentences in {@code StreamingMessages}) are the
 * host's protocol, and every client of it (the console in {@code app}, the coming {@code mcp}) already depends on
 * {@code streaming}. Pure; any thread.
 */
public final class Commands {
    /** The command names, in the order error messages list them. */
    public static final List<String> NAMES = List.of("play", "pause", "toggle", "reset", "step", "speed", "slower",
            "faster", "control", "clear_controls", "positions", "keyframe");

    /** simulate's - and =: half and twice the speed, stopping at its limits ({@code speed} beyond them is refused). */
    private static final SimCommand SLOWER = new SimCommand.ScaleSpeed(0.5);
    private static final SimCommand FASTER = new SimCommand.ScaleSpeed(2);

    private Commands() {}

    /**
     * What pressing a key does in {@code state}: a command for the simulation, a camera change of the view it was
     * pressed on, or nothing. As in simulate, Right arrow steps only while paused.
     */
    public static Optional<Control> perform(KeyAction action, SimulationSnapshot state) {
        return Optional.ofNullable(switch (action) {
            case TOGGLE_PLAY -> new Control.Simulate(new SimCommand.TogglePlay());
            case STEP -> state.playing() ? null : new Control.Simulate(new SimCommand.Step(1));
            case RESET -> new Control.Simulate(new SimCommand.Reset());
            case SLOWER -> new Control.Simulate(SLOWER);
            case FASTER -> new Control.Simulate(FASTER);
            case PREVIOUS_CAMERA -> Control.Camera.PREVIOUS;
            case NEXT_CAMERA -> Control.Camera.NEXT;
            case FREE_CAMERA -> Control.Camera.FREE;
            case HELP, INFO, PROFILER, SENSORS -> panel(action).orElseThrow();
        });
    }

    /** The panel an overlay key (F1 to F4) shows or hides, in any state; empty for the other keys. */
    private static Optional<Control.Panel> panel(KeyAction action) {
        return Optional.ofNullable(switch (action) {
            case HELP -> Control.Panel.HELP;
            case INFO -> Control.Panel.INFO;
            case PROFILER -> Control.Panel.PROFILER;
            case SENSORS -> Control.Panel.SENSORS;
            default -> null;
        });
    }

    /** The overlay keys for the page: DOM key code to the id of the panel it shows or hides ({"F3": "profiler"}). */
    public static Map<String, String> panelKeys() {
        Map<String, String> keys = new TreeMap<>();
        KeyMap.table().forEach((code, action) -> panel(action).ifPresent(panel -> keys.put(code, panel.id())));
        return keys;
    }

    /**
     * A named command with JSON parameters.
     *
     * @param params may be null or missing
     * @throws IllegalArgumentException naming the command or parameter that is wrong
     */
    public static SimCommand parse(String cmd, JsonNode params) {
        if (cmd == null || cmd.isBlank()) {
            throw new IllegalArgumentException(StreamingMessages.missingCommand(NAMES));
        }
        return switch (cmd) {
            case "play" -> new SimCommand.Play();
            case "pause" -> new SimCommand.Pause();
            case "toggle" -> new SimCommand.TogglePlay();
            case "reset" -> new SimCommand.Reset();
            case "step" -> new SimCommand.Step(stepCount(params));
            case "speed" -> new SimCommand.SetSpeed(speedFactor(params));
            case "slower" -> SLOWER;
            case "faster" -> FASTER;
            // simulate's panels: a control slider, "Clear all", a joint slider (while paused), a keyframe's Load
            case "control" -> new SimCommand.SetControl(index(cmd, params, "actuator"), number(cmd, params, "value"));
            case "clear_controls" -> new SimCommand.ClearControls();
            case "positions" -> new SimCommand.SetPositions(indices(cmd, params), numbers(cmd, params, "values"));
            case "keyframe" -> new SimCommand.LoadKeyframe(index(cmd, params, "key"));
            default -> throw new IllegalArgumentException(StreamingMessages.unknownCommand(cmd, NAMES));
        };
    }

    private static int stepCount(JsonNode params) {
        JsonNode count = params == null ? null : params.get("count");
        if (count == null || count.isNull()) {
            return 1;
        }
        if (!count.isIntegralNumber()) {
            throw new IllegalArgumentException(StreamingMessages.badStepCount(count.toString()));
        }
        return count.asInt(); // SimCommand.Step checks the range and says so
    }

    /** A whole number at least 0 in {@code params.field}; the physics thread checks it against the model. */
    private static int index(String cmd, JsonNode params, String field) {
        JsonNode value = params == null ? null : params.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new IllegalArgumentException(StreamingMessages.badParam(cmd, field, "a whole number from 0",
                    String.valueOf(value)));
        }
        return value.asInt();
    }

    private static double number(String cmd, JsonNode params, String field) {
        JsonNode value = params == null ? null : params.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException(StreamingMessages.badParam(cmd, field, "a finite number",
                    String.valueOf(value)));
        }
        return value.asDouble();
    }

    private static int[] indices(String cmd, JsonNode params) {
        JsonNode list = params == null ? null : params.get("indices");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(StreamingMessages.badParam(cmd, "indices", "a list of qpos indices",
                    String.valueOf(list)));
        }
        int[] indices = new int[list.size()];
        for (int i = 0; i < indices.length; i++) {
            JsonNode value = list.get(i);
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
                throw new IllegalArgumentException(StreamingMessages.badParam(cmd, "indices", "a list of qpos indices",
                        list.toString()));
            }
            indices[i] = value.asInt();
        }
        return indices;
    }

    private static double[] numbers(String cmd, JsonNode params, String field) {
        JsonNode list = params == null ? null : params.get(field);
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(StreamingMessages.badParam(cmd, field, "a list of numbers",
                    String.valueOf(list)));
        }
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            if (!list.get(i).isNumber() || !Double.isFinite(list.get(i).asDouble())) {
                throw new IllegalArgumentException(StreamingMessages.badParam(cmd, field, "a list of numbers",
                        list.toString()));
            }
            values[i] = list.get(i).asDouble();
        }
        return values;
    }

    private static double speedFactor(JsonNode params) {
        JsonNode factor = params == null ? null : params.get("factor");
        if (factor == null || !factor.isNumber()) {
            throw new IllegalArgumentException(StreamingMessages.badSpeed(factor == null ? "nothing" : factor.toString()));
        }
        return factor.asDouble();
    }
}
