package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.Access;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Deque;
import java.util.Map;

/**
 * Lets a request through to one route only when its caller may use it (by its bearer token, or where the route
 * allows, the page's session cookie): 401 without credentials or with a token that grants nothing, 403 when the caller's role is below the route's, and in both cases the route never runs, so nothing
 * changes. Refusals are JSON. Public routes let everyone through (a caller with a bad token as one without). The
 * caller's grant is attached to the exchange for the route. Undertow IO threads.
 */
public final class Guard implements HttpHandler {
    /** What may prove who the caller is, besides {@code Authorization: Bearer} (which always may, and comes first). */
    public enum Credentials {
        /** The header only, or the route is refused: what host extensions (MCP) take. */
        BEARER,
        /** The header, or the page's session cookie on a same-origin request ({@link SessionCookie}): REST, WHEP. */
        BEARER_OR_COOKIE,
        /**
         * The header, the session cookie (unless the client asks {@code ?auth=message}: a page that holds its token
         * says so, since its browser's cookie may belong to another tab's link), or none at all and the route sees no
         * grant: the WebSocket, whose first message then carries the token (a browser cannot set its headers).
         */
        BEARER_COOKIE_OR_LATER
    }

    /** The WebSocket's query parameter by which a page says its token follows in the first message. */
    private static final String AUTH_BY_MESSAGE = "auth";

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
        if (grant == null && takesCookie(exchange)) {
            grant = SessionCookie.read(exchange).flatMap(gatekeeper.sessions()::grant).orElse(null);
        }
        if (grant != null) {
            exchange.putAttachment(Gatekeeper.GRANT, grant);
        }
        if (access.allows(grant) || grant == null && credentials == Credentials.BEARER_COOKIE_OR_LATER) {
            next.handleRequest(exchange);
        } else if (grant == null) {
            refuse(exchange, 401, StreamingMessages.missingToken(), "unauthorized");
        } else {
            refuse(exchange, 403, StreamingMessages.forbidden(grant.role(), access.role()), "forbidden");
        }
    }

    private boolean takesCookie(HttpServerExchange exchange) {
        return switch (credentials) {
            case BEARER -> false;
            case BEARER_OR_COOKIE -> true;
            case BEARER_COOKIE_OR_LATER -> {
                Deque<String> auth = exchange.getQueryParameters().get(AUTH_BY_MESSAGE);
                yield auth == null || !"message".equals(auth.peekFirst());
            }
        };
    }

    private static void refuse(HttpServerExchange exchange, int status, String message, String reason) {
        if (status == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"simcast\"");
        }
        Json.sendError(exchange, status, message, Map.of("reason", reason));
    }
}
