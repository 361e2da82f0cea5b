package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.URI;
import java.util.Map;

/**
 * Refuses state-changing requests and WebSocket upgrades that a browser sends on behalf of another site (their
 * {@code Origin} names a different host than the request's {@code Host}), so a web page the user happens to visit
 * cannot load scenes into, steer or watch a host bound to 127.0.0.1. Requests without an Origin (curl, scripts,
 * WHEP players outside browsers) pass, as do plain reads. No route sends CORS headers, so browsers also keep other
 * sites from reading any answer. Undertow IO threads.
 */
public final class SameOrigin implements HttpHandler {
    private final HttpHandler next;

    public SameOrigin(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && guarded(exchange) && !sameHost(origin, exchange.getRequestHeaders().getFirst(Headers.HOST))) {
            Json.sendError(exchange, 403, StreamingMessages.crossOrigin(origin), Map.of());
            return;
        }
        next.handleRequest(exchange);
    }

    private static boolean guarded(HttpServerExchange exchange) {
        boolean read = exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
        return !read || exchange.getRequestHeaders().contains(Headers.UPGRADE);
    }

    /** Whether {@code origin} names the same scheme's host and port as the request's {@code Host} header. */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false; // "null" origins: sandboxed frames, files
            }
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            String authority = uri.getHost() + ":" + port;
            String hostWithPort = host.contains(":") && !host.endsWith("]") ? host
                    : host + ":" + ("https".equals(uri.getScheme()) ? 443 : 80);
            return authority.equalsIgnoreCase(hostWithPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
