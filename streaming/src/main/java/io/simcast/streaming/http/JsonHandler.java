package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Route} on a worker thread (routes may block: reading bodies, compiling scenes, waiting for the
 * physics thread) and writes its result as JSON. {@link ApiException}s become their status and message; anything
 * else is a bug: logged with its stack trace, answered with a 500 that names no internals.
 *
 * <p>Called by Undertow on an IO thread; the route runs on an Undertow worker.
 */
public final class JsonHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(JsonHandler.class);

    /** What a route returns when it wrote its reply itself (a stream of Server-Sent Events). */
    public static final Object WRITTEN = new Object() {
        @Override
        public String toString() {
            return "the route wrote its reply";
        }
    };

    /**
     * One endpoint: returns the body of a 200 reply (a {@link Json.Encoded} body is sent as it is), a {@link Reply}
     * to choose status and headers, or {@link #WRITTEN}.
     */
    @FunctionalInterface
    public interface Route {
        Object handle(HttpServerExchange exchange) throws Exception;
    }

    /** A reply other than 200 with a JSON body. {@code body} may be a String, sent as is with {@code contentType}. */
    public record Reply(int status, Object body, String contentType, Map<String, String> headers) {
        public static Reply json(int status, Object body) {
            return new Reply(status, body, "application/json", Map.of());
        }
    }

    private final Route route;

    public JsonHandler(Route route) {
        this.route = route;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        try {
            Object result = route.handle(exchange);
            if (result == WRITTEN) {
                return;
            }
            if (result instanceof Reply reply) {
                reply.headers().forEach((name, value) -> exchange.getResponseHeaders().put(
                        HttpString.tryFromString(name), value));
                if (reply.body() instanceof String text && !"application/json".equals(reply.contentType())) {
                    exchange.setStatusCode(reply.status());
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, reply.contentType());
                    exchange.getResponseSender().send(text);
                } else if (reply.body() == null) {
                    exchange.setStatusCode(reply.status());
                    exchange.endExchange();
                } else {
                    Json.send(exchange, reply.status(), reply.body());
                }
            } else {
                Json.send(exchange, 200, result);
            }
        } catch (ApiException e) {
            if (exchange.isResponseStarted()) {
                log.debug("{} {}: {} after the reply started", exchange.getRequestMethod(), exchange.getRequestPath(),
                        e.getMessage());
                exchange.endExchange();
            } else {
                Json.sendError(exchange, e.status(), e.getMessage(), e.details());
            }
        } catch (Exception e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            if (!exchange.isResponseStarted()) {
                Json.sendError(exchange, 500, StreamingMessages.internalError(), Map.of());
            }
        }
    }
}
