package io.simcast.streaming.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.SimCommand;
import io.simcast.streaming.StreamingMessages;
import java.util.List;

/**
 * Turns a named command with JSON parameters ({@code POST /api/sim/command}, the page's {@code command} message)
 * into a {@link SimCommand}. Pure; any thread.
 */
public final class Commands {
    /** The command names, in the order error messages list them. */
    public static final List<String> NAMES = List.of("play", "pause", "toggle", "reset", "step", "speed");

    private Commands() {}

    /**
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
