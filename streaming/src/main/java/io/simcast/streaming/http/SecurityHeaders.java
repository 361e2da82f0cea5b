package io.simcast.streaming.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.List;

/**
 * Adds the headers that keep the page to itself on every response: a Content-Security-Policy that allows the page's
 * own scripts, styles and connections (the WebSocket included) and nothing else, no framing by other sites, no MIME
 * sniffing, and no Referer (the page's address may carry a share-link token). A host that serves TLS also tells
 * browsers to come back over HTTPS only (HSTS), so a later visit cannot be downgraded to plain HTTP where its token
 * would travel in the clear. Undertow IO threads.
 */
public final class SecurityHeaders implements HttpHandler {
    /**
     * The page loads its modules and styles from this host, talks to it over fetch and the WebSocket, draws video
     * from a MediaStream (not a URL) and reads frames through a canvas; it needs nothing inline and no other origin.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; media-src 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'";
    private static final HttpString CSP = HttpString.tryFromString("Content-Security-Policy");
    private static final HttpString NO_SNIFF = HttpString.tryFromString("X-Content-Type-Options");
    private static final HttpString REFERRER = HttpString.tryFromString("Referrer-Policy");
    private static final HttpString FRAME_OPTIONS = HttpString.tryFromString("X-Frame-Options");
    private static final HttpString OPENER = HttpString.tryFromString("Cross-Origin-Opener-Policy");
    private static final HttpString RESOURCE = HttpString.tryFromString("Cross-Origin-Resource-Policy");
    private static final HttpString STRICT_TRANSPORT = HttpString.tryFromString("Strict-Transport-Security");
    /** A year, as browsers' preload lists ask; no includeSubDomains: the host cannot speak for its neighbours. */
    public static final String HSTS = "max-age=31536000";

    private final HttpHandler next;
    private final String policy;
    private final boolean tls;

    public SecurityHeaders(HttpHandler next) {
        this(next, List.of(), false);
    }

    /**
     * @param connectOrigins other origins the page may connect to (the SFU it plays a broadcast from)
     * @param tls whether the host serves HTTPS (then HSTS)
     */
    public SecurityHeaders(HttpHandler next, List<String> connectOrigins, boolean tls) {
        this.next = next;
        this.tls = tls;
        this.policy = connectOrigins.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace(
                "connect-src 'self';", "connect-src 'self' " + String.join(" ", connectOrigins) + ";");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var headers = exchange.getResponseHeaders();
        headers.put(CSP, policy);
        headers.put(NO_SNIFF, "nosniff");
        headers.put(REFERRER, "no-referrer");
        headers.put(FRAME_OPTIONS, "DENY");
        headers.put(OPENER, "same-origin");
        headers.put(RESOURCE, "same-origin");
        if (tls) {
            headers.put(STRICT_TRANSPORT, HSTS);
        }
        next.handleRequest(exchange);
    }
}
