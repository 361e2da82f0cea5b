package io.simcast.streaming.access;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.util.Locale;

/**
 * Says who sent a request: the grant of the token in its {@code Authorization: Bearer} header, or nobody. A page's
 * session cookie ({@link PageSessions}) is the Guard's to weigh, since only same-origin requests may use it. Nothing
 * else counts: not a token in the URL (URLs end up in logs and histories), and not where the request came from (a
 * forwarder on this machine, such as socat, {@code ssh -R} or {@code kubectl port-forward}, hands a stranger's
 * requests over from 127.0.0.1 with whatever {@code Host} header the stranger chose). The operator's own pages
 * prove who they are with an operator link's token, scripts with the operator token. Thread-safe; called on
 * Undertow's IO threads.
 */
public final class Gatekeeper {
    /** Where a route finds the caller's grant (absent: no credentials, on public routes). */
    public static final AttachmentKey<Grant> GRANT = AttachmentKey.create(Grant.class);
    private static final String BEARER = "bearer ";

    private final ShareLinks links;
    private final PageSessions sessions;

    public Gatekeeper(ShareLinks links) {
        this.links = links;
        this.sessions = new PageSessions(links);
    }

    /** A presented token that grants nothing: unknown, revoked or expired. */
    public static final class InvalidToken extends Exception {
        InvalidToken() {
            super(null, null, false, false);
        }
    }

    /**
     * @return the caller's grant, or null when it presented no token
     * @throws InvalidToken when it presented a token that grants nothing
     */
    public Grant identify(HttpServerExchange exchange) throws InvalidToken {
        String token = bearer(exchange);
        if (token == null) {
            return null;
        }
        return links.authenticate(token).orElseThrow(InvalidToken::new);
    }

    public ShareLinks links() {
        return links;
    }

    /** The browsers' sessions, which the page's cookie names ({@code http.SessionCookie} reads it). */
    public PageSessions sessions() {
        return sessions;
    }

    /** The token of the request's {@code Authorization: Bearer} header, or null. */
    public static String bearer(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }
}
