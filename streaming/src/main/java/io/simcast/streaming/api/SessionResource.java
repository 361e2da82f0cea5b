package io.simcast.streaming.api;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.access.PageSessions;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.http.JsonHandler.Reply;
import io.simcast.streaming.http.SessionCookie;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/session}: the first thing the page does, with the token it was opened with or, after a reload,
 * with none. An operator link's token is spent here, and the answer carries the page's own token
 * ({@code 201 {"role": "operator", "token": ...}}); any other valid token is confirmed ({@code 200 {"role": ...}}).
 * Either way the browser also gets a session cookie ({@link SessionCookie}) with the same grant, so that a reload
 * keeps the page's access; a request with no token but that cookie is confirmed ({@code 200}); anything else is a
 * {@code 401}. {@code DELETE /api/session} ends the browser's session and clears its cookie ("forget this browser").
 * Public in the route table because an unopened operator link's token grants nothing else. Worker threads.
 */
public final class SessionResource {
    private final ShareLinks links;
    private final PageSessions sessions;
    private final boolean secure;

    /** @param secure whether people reach the page over HTTPS (the host's own TLS, or a proxy's): a Secure cookie */
    public SessionResource(Gatekeeper gatekeeper, boolean secure) {
        this.links = gatekeeper.links();
        this.sessions = gatekeeper.sessions();
        this.secure = secure;
    }

    /** @param token the page's own token from now on, only when an operator link was just opened */
    public record Session(String role, Optional<String> token) {}

    public Reply open(HttpServerExchange exchange) {
        String presented = Gatekeeper.bearer(exchange);
        Optional<ShareLinks.Opened> opened = presented == null ? Optional.empty() : links.open(presented);
        if (opened.isPresent()) {
            Grant grant = opened.get().grant();
            return withCookie(exchange, 201, new Session(grant.role().wireName(), Optional.of(opened.get().token())),
                    grant);
        }
        Grant grant = exchange.getAttachment(Gatekeeper.GRANT);
        if (grant != null && presented != null) {
            return withCookie(exchange, 200, new Session(grant.role().wireName(), Optional.empty()), grant);
        }
        if (grant != null) {
            return Reply.json(200, new Session(grant.role().wireName(), Optional.empty())); // the cookie's own
        }
        return new Reply(401, Map.of("error", presented == null ? StreamingMessages.missingToken()
                : StreamingMessages.invalidToken(), "reason", "unauthorized"), "application/json",
                Map.of("WWW-Authenticate", "Bearer realm=\"simcast\""));
    }

    public Reply end(HttpServerExchange exchange) {
        SessionCookie.read(exchange).ifPresent(sessions::end);
        return new Reply(204, null, "application/json", Map.of("Set-Cookie", SessionCookie.clear(exchange, secure)));
    }

    private Reply withCookie(HttpServerExchange exchange, int status, Session session, Grant grant) {
        return new Reply(status, session, "application/json",
                Map.of("Set-Cookie", SessionCookie.set(exchange, sessions.begin(grant), secure)));
    }
}
