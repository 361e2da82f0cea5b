package io.simcast.streaming.api;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.http.JsonHandler.Reply;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/session}: the first thing the page does with the token it was opened with. An operator link's
 * token is spent here, and the answer carries the page's own token ({@code 201 {"role": "operator", "token": ...}}),
 * which the page uses from then on; any other valid token is simply confirmed ({@code 200 {"role": ...}}, the page
 * keeps it); anything else is a {@code 401}. Public in the route table because an unopened operator link's token
 * grants nothing else. Worker threads.
 */
public final class SessionResource {
    private final ShareLinks links;

    public SessionResource(ShareLinks links) {
        this.links = links;
    }

    /** @param token the page's own token from now on, only when an operator link was just opened */
    public record Session(String role, Optional<String> token) {}

    public Reply open(HttpServerExchange exchange) {
        String presented = Gatekeeper.bearer(exchange);
        Optional<ShareLinks.Opened> opened = presented == null ? Optional.empty() : links.open(presented);
        if (opened.isPresent()) {
            return Reply.json(201, new Session(opened.get().grant().role().wireName(),
                    Optional.of(opened.get().token())));
        }
        Grant grant = exchange.getAttachment(Gatekeeper.GRANT);
        if (grant != null) {
            return Reply.json(200, new Session(grant.role().wireName(), Optional.empty()));
        }
        return new Reply(401, Map.of("error", presented == null ? StreamingMessages.missingToken()
                : StreamingMessages.invalidToken(), "reason", "unauthorized"), "application/json",
                Map.of("WWW-Authenticate", "Bearer realm=\"simcast\""));
    }
}
