package io.simcast.streaming.http;

import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status and the sentence the caller reads. Thrown by handlers on a
 * worker thread; {@link JsonHandler} turns it into {@code {"error": message, ...details}}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> details;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    /** {@code details} are extra fields of the error body, e.g. the XML line a scene error points at. */
    public ApiException(int status, String message, Map<String, Object> details) {
        super(message, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
