package io.simcast.streaming.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.rl.CopyRef;
import java.util.Optional;

/**
 * Reads what a {@code watch} request asks for (the signalling message and {@code POST /api/viewers/{id}/watch} take
 * the same fields): {@code {"source": "simulation"}}, {@code {"source": "rl", "env": ID, "copy": i}} or
 * {@code {"source": "sandbox", "id": ID}}.
 */
public final class WatchRequest {
    private WatchRequest() {}

    /**
     * @return what to watch, or empty for the simulation
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static Optional<WatchRef> parse(JsonNode message) {
        String source = message.path("source").asText("");
        return switch (source) {
            case WatchRef.SIMULATION -> Optional.empty();
            case CopyRef.RL -> Optional.of(copy(message));
            case SandboxRef.SANDBOX -> Optional.of(new SandboxRef(text(message, "id",
                    "the id of an open sandbox (the sources message lists them)")));
            default -> throw new IllegalArgumentException(StreamingMessages.badField("watch", "source",
                    "\"simulation\", \"rl\" or \"sandbox\""));
        };
    }

    private static CopyRef copy(JsonNode message) {
        String env = text(message, "env", "the id of an open RL environment (GET /api/rl)");
        JsonNode copy = message.path("copy");
        if (copy.isMissingNode()) {
            return new CopyRef(env, 0);
        }
        if (!copy.canConvertToExactIntegral() || !copy.canConvertToInt() || copy.asInt() < 0) {
            throw new IllegalArgumentException(StreamingMessages.badField("watch", "copy",
                    "a whole number from 0 (the copy's index)"));
        }
        return new CopyRef(env, copy.asInt());
    }

    private static String text(JsonNode message, String field, String expected) {
        JsonNode value = message.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(StreamingMessages.badField("watch", field, expected));
        }
        return value.asText();
    }
}
