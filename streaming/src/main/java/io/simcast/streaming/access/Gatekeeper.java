package io.simcast.streaming.access;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Says who sent a request: the grant of its token ({@code Authorization: Bearer}, or a {@code token} query parameter
 * where a browser cannot send headers), local operator access, or nobody. Local access needs all of: the host allows
 * it, the connection comes from a loopback address, the {@code Host} header names this machine (a page on another
 * site that rebinds its DNS name to 127.0.0.1 sends its own name) and no proxy forwarded it (nginx on the same
 * machine connects from 127.0.0.1 on behalf of strangers). A token that is presented is always checked, even from
 * this machine. Thread-safe; called on Undertow's IO threads.
 */
public final class Gatekeeper {
    /** Where a route finds the caller's grant (absent: no credentials, on public routes). */
    public static final AttachmentKey<Grant> GRANT = AttachmentKey.create(Grant.class);
    private static final String BEARER = "bearer ";
    private static final List<HttpString> FORWARDING = List.of(HttpString.tryFromString("Forwarded"),
            HttpString.tryFromString("X-Forwarded-For"), HttpString.tryFromString("X-Real-IP"));

    private final ShareLinks links;
    private final boolean localOperator;

    /** @param localOperator whether requests from this machine without a token are the operator's */
    public Gatekeeper(ShareLinks links, boolean localOperator) {
        this.links = links;
        this.localOperator = localOperator;
    }

    /** A presented token that grants nothing: unknown, revoked or expired. */
    public static final class InvalidToken extends Exception {
        InvalidToken() {
            super(null, null, false, false);
        }
    }

    /**
     * @param queryToken whether a {@code token} query parameter counts (the page and the WebSocket only: tokens in
     *     other URLs end up in logs and histories for nothing)
     * @return the caller's grant, or null when it presented nothing and is not local
     * @throws InvalidToken when it presented a token that grants nothing
     */
    public Grant identify(HttpServerExchange exchange, boolean queryToken) throws InvalidToken {
        String token = token(exchange, queryToken);
        if (token != null) {
            return links.authenticate(token).orElseThrow(InvalidToken::new);
        }
        return localOperator && isLocal(exchange) ? Grant.LOCAL : null;
    }
    public ShareLinks links() {
        return links;
    }

    private static String token(HttpServerExchange exchange, boolean queryToken) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return authorization.substring(BEARER.length()).strip();
        }
        if (queryToken) {
            Deque<String> values = exchange.getQueryParameters().get("token");
            if (values != null && !values.isEmpty()) {
                return values.getFirst();
            }
        }
        return null;
    }

    static boolean isLocal(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        if (source == null || source.getAddress() == null || !source.getAddress().isLoopbackAddress()) {
            return false;
        }
        for (HttpString header : FORWARDING) {
            if (exchange.getRequestHeaders().contains(header)) {
                return false;
            }
        }
        return isLoopbackName(exchange.getRequestHeaders().getFirst(Headers.HOST));
    }

    /** {@code localhost}, {@code 127.x.y.z} or {@code [::1]}, with or without a port. */
    static boolean isLoopbackName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.startsWith("[::1]");
        }
        int colon = name.indexOf(':');
        name = colon >= 0 ? name.substring(0, colon) : name;
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
