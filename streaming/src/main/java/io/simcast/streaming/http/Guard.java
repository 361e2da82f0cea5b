package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.Access;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Map;

/**
 * Lets a request through to one route only when its caller may use it: 401 without credentials or with a token that
 * grants nothing, 403 when the caller's role is below the route's, and in both cases the route never runs, so nothing
 * changes. Refusals are JSON. Public routes let everyone through (a caller with a bad token as one without). The
 * caller's grant is attached to the exchange for the route. Undertow IO threads.
 */
public final class Guard implements HttpHandler {
    /** Whether a request without any credentials may still reach the route. */
    public enum Credentials {
        /** {@code Authorization: Bearer}, or the route is refused: the REST API and WHEP. */
        HEADER,
        /**
         * {@code Authorization: Bearer}, or none at all and the route sees no grant: the WebSocket, whose first
         * message carries the token (a browser cannot set a WebSocket's headers).
         */
        HEADER_OR_LATER
    }

    private final Gatekeeper gatekeeper;
    private final Access access;
    private final Credentials credentials;
    private final HttpHandler next;

    public Guard(Gatekeeper gatekeeper, Access access, Credentials credentials, HttpHandler next) {
        this.gatekeeper = gatekeeper;
        this.access = access;
        this.credentials = credentials;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Grant grant;
        try {
            grant = gatekeeper.identify(exchange);
        } catch (Gatekeeper.InvalidToken e) {
            if (access == Access.PUBLIC) {
                next.handleRequest(exchange); // a probe with a stale token still learns whether the host is up
            } else {
                refuse(exchange, 401, StreamingMessages.invalidToken(), "unauthorized");
            }
            return;
        }
        if (grant != null) {
            exchange.putAttachment(Gatekeeper.GRANT, grant);
        }
        if (access.allows(grant) || grant == null && credentials == Credentials.HEADER_OR_LATER) {
            next.handleRequest(exchange);
        } else if (grant == null) {
            refuse(exchange, 401, StreamingMessages.missingToken(), "unauthorized");
        } else {
            refuse(exchange, 403, StreamingMessages.forbidden(grant.role(), access.role()), "forbidden");
        }
    }

    private static void refuse(HttpServerExchange exchange, int status, String message, String reason) {
        if (status == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"simcast\"");
        }
        Json.sendError(exchange, status, message, Map.of("reason", reason));
    }
}
