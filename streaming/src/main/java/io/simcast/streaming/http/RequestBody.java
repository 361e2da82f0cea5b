package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request body read whole, refused with 413 past the host's limit before it is all in memory. Worker threads
 * only (it blocks on the socket).
 *
 * @param text the body as UTF-8
 * @param mediaType the Content-Type without parameters, lower case, or "" when absent
 */
public record RequestBody(String text, String mediaType) {

    /** Reads the body of {@code exchange}, at most {@code limit} bytes. */
    public static RequestBody read(HttpServerExchange exchange, long limit) throws IOException {
        byte[] bytes = bytes(exchange, limit);
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return new RequestBody(new String(bytes, StandardCharsets.UTF_8), mediaType);
    }

    /** The raw body, at most {@code limit} bytes, for routes that parse bytes themselves (RL steps). */
    public static byte[] bytes(HttpServerExchange exchange, long limit) throws IOException {
        long declared = exchange.getRequestContentLength();
        if (declared > limit) {
            throw new ApiException(413, StreamingMessages.bodyTooLarge(declared, limit));
        }
        exchange.startBlocking();
        try (InputStream in = exchange.getInputStream()) {
            if (declared >= 0) {
                return in.readNBytes((int) declared); // the common case: one read into an array of the right size
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = in.read(chunk)) > 0) {
                if (bytes.size() + read > limit) {
                    throw new ApiException(413, StreamingMessages.bodyTooLarge(-1, limit));
                }
                bytes.write(chunk, 0, read);
            }
            return bytes.toByteArray();
        }
    }

    public boolean isJson() {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
