package io.simcast.streaming.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.simcast.streaming.StreamingMessages;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON mapper of the streaming host, and how replies are written with it. Thread-safe. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /**
     * For the RL and language-model endpoints, which speak Gymnasium's and the providers' words
     * ({@code observation_space}, {@code num_envs}, {@code api_key}); infinite bounds are written as strings.
     */
    public static final ObjectMapper SNAKE_CASE = MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Json() {}

    /**
     * A JSON document already encoded as UTF-8 (by a streaming generator, on a hot path); sent as it is.
     *
     * @param bytes the document; the array is not copied, so the caller must not change it afterwards
     */
    public record Encoded(byte[] bytes) {}

    /** Writes {@code body} as the JSON reply with {@code status}; the exchange ends when it is sent. */
    public static void send(HttpServerExchange exchange, int status, Object body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        if (body instanceof Encoded encoded) {
            exchange.getResponseSender().send(ByteBuffer.wrap(encoded.bytes()));
        } else {
            exchange.getResponseSender().send(write(body));
        }
    }

    /** The error body every endpoint uses: {@code {"error": message, ...details}}. */
    public static void sendError(HttpServerExchange exchange, int status, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.putAll(details);
        send(exchange, status, body);
    }

    /** {@code value} encoded once with {@code mapper}, to be sent as it is. */
    public static Encoded encode(ObjectMapper mapper, Object value) {
        try {
            return new Encoded(mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a JSON document.
     *
     * @throws IllegalArgumentException with a short, user-readable reason (no stack trace, no echo of the input)
     */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(StreamingMessages.emptyJson());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** A parser's complaint as the sentence a caller reads (the reason and where; never the input itself). */
    public static IllegalArgumentException invalid(JsonProcessingException e) {
        return new IllegalArgumentException(StreamingMessages.badJson(e.getOriginalMessage(),
                e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                e.getLocation() == null ? -1 : e.getLocation().getColumnNr()));
    }
}
