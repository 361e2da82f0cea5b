package io.simcast.streaming.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.StreamingMessages;
import java.util.List;
import java.util.Optional;

/**
 * What each key and each named command does: the one definition that every client goes through. Keys
 * ({@link #perform}) come from the browser page (the viewer's input thread, {@link ViewerInput}) and from the
 * console (its key handler and the toolbar buttons, which act as their keys); named commands ({@link #parse}) from
 * {@code POST /api/sim/command}, the page's {@code command} message and its buttons, and the MCP tools to come. Both
 * produce the same {@link SimCommand} records: Space is {@code toggle}, Right arrow {@code step} with a count of 1,
 * Backspace {@code reset}, - and = {@code slower} and {@code faster} (half or twice the factor the physics thread
 * holds, within the limits, so quick presses never read a stale speed).
 *
 * <p>It lives in {@code streaming.input}, not in {@code sim}: it needs only sim's types, but the names it defines
 * (DOM key codes through {@link KeyMap}, command names, their error sentences in {@code StreamingMessages}) are the
 * host's protocol, and every client of it (the console in {@code app}, the coming {@code mcp}) already depends on
 * {@code streaming}. Pure; any thread.
 */
public final class Commands {
    /** The command names, in the order error messages list them. */
    public static final List<String> NAMES =
            List.of("play", "pause", "toggle", "reset", "step", "speed", "slower", "faster");

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
        });
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

    private static double speedFactor(JsonNode params) {
        JsonNode factor = params == null ? null : params.get("factor");
        if (factor == null || !factor.isNumber()) {
            throw new IllegalArgumentException(StreamingMessages.badSpeed(factor == null ? "nothing" : factor.toString()));
        }
        return factor.asDouble();
    }
}
