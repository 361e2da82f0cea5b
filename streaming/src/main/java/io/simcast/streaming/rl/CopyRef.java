package io.simcast.streaming.rl;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.StreamingMessages;
import java.util.Optional;

/**
 * One copy of one RL environment, as a viewer asks to watch it. Immutable.
 *
 * @param env the environment's id ({@code GET /api/rl})
 * @param copy the copy's index, from 0
 */
public record CopyRef(String env, int copy) {
    /** What a viewer watches, on the wire: the live simulation, or an RL environment copy. */
    public static final String SIMULATION = "simulation";
    public static final String RL = "rl";

    /**
     * Reads what a {@code watch} request asks for (the signalling message and {@code POST /api/viewers/{id}/watch}
     * take the same fields): {@code {"source": "simulation"}}, or {@code {"source": "rl", "env": ID, "copy": i}}.
     *
     * @return the copy, or empty for the simulation
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static Optional<CopyRef> parseWatch(JsonNode message) {
        String source = message.path("source").asText("");
        if (source.equals(SIMULATION)) {
            return Optional.empty();
        }
        if (!source.equals(RL)) {
            throw new IllegalArgumentException(StreamingMessages.badField("watch", "source",
                    "\"simulation\" or \"rl\""));
        }
        JsonNode env = message.get("env");
        if (env == null || !env.isTextual() || env.asText().isBlank()) {
            throw new IllegalArgumentException(StreamingMessages.badField("watch", "env",
                    "the id of an open RL environment (GET /api/rl)"));
        }
        JsonNode copy = message.path("copy");
        if (copy.isMissingNode()) {
            return Optional.of(new CopyRef(env.asText(), 0));
        }
        if (!copy.canConvertToExactIntegral() || !copy.canConvertToInt() || copy.asInt() < 0) {
            throw new IllegalArgumentException(StreamingMessages.badField("watch", "copy",
                    "a whole number from 0 (the copy's index)"));
        }
        return Optional.of(new CopyRef(env.asText(), copy.asInt()));
    }

    /** {@code rl-3/0}: how statistics name it. */
    @Override
    public String toString() {
        return env + "/" + copy;
    }
}
