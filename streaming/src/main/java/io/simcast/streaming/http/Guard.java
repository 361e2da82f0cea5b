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
 * changes. Public routes let everyone through (a caller with a bad token as one without). The caller's grant is
 * attached to the exchange for the route. Undertow IO threads.
 */
public final class Guard implements HttpHandler {
    /** Where a route accepts its token from. */
    public enum Credentials {
        /** {@code Authorization: Bearer} only: the REST API and WHEP. */
        HEADER,
        /** Also a {@code token} query parameter: the page, which a person opens from a link. */
        QUERY,
        /**
         * Also a {@code token} query parameter, and a request with no credentials at all passes without a grant: the
         * WebSocket, whose first message may carry the token instead.
         */
        QUERY_OR_LATER
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
            grant = gatekeeper.identify(exchange, credentials != Credentials.HEADER);
        } catch (Gatekeeper.InvalidToken e) {
            if (access == Access.PUBLIC) {
                next.handleRequest(exchange); // a probe with a stale token still learns whether the host is up
            } else {
                unauthorized(exchange, StreamingMessages.invalidToken());
            }
            return;
        }
        if (grant != null) {
            exchange.putAttachment(Gatekeeper.GRANT, grant);
        }
        if (access.allows(grant) || grant == null && credentials == Credentials.QUERY_OR_LATER) {
            next.handleRequest(exchange);
        } else if (grant == null) {
            unauthorized(exchange, StreamingMessages.missingToken());
        } else {
            Json.sendError(exchange, 403, StreamingMessages.forbidden(grant.role(), access.role()),
                    Map.of("reason", "forbidden"));
        }
    }

    private static void unauthorized(HttpServerExchange exchange, String message) {
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"simcast\"");
        Json.sendError(exchange, 401, message, Map.of("reason", "unauthorized"));
    }
}
