package io.simcast.streaming.http;

import io.simcast.streaming.access.PageSessions;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import java.util.Optional;

/**
 * The cookie a page's session lives in ({@link PageSessions}): {@code HttpOnly} (no script reads it, so a script
 * injected into the page could not steal it), {@code SameSite=Strict} (the browser sends it only with requests that a
 * page of this site made), {@code Path=/}, {@code Secure} when the page is served over HTTPS. Its name carries the
 * host's port, since browsers share cookies between the ports of one machine: two hosts side by side keep apart.
 *
 * <p>SameSite counts sites, not origins: another server on this machine's other ports is the same site. So a cookie
 * counts only on requests that prove they come from this origin: no foreign {@code Origin}, and a {@code Sec-Fetch-Site}
 * (which browsers set and pages cannot) of {@code same-origin} or {@code none} (the person typed or reloaded the
 * address). Stateless; any thread.
 */
public final class SessionCookie {
    private static final String PREFIX = "simcast-session-";
    private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    private SessionCookie() {}

    /** The session id the request's cookie carries, when it has one and came from this origin. */
    public static Optional<String> read(HttpServerExchange exchange) {
        Cookie cookie = exchange.getRequestCookie(name(exchange));
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty() || !fromThisOrigin(exchange)) {
            return Optional.empty();
        }
        return Optional.of(cookie.getValue());
    }

    /** The {@code Set-Cookie} value that gives the browser {@code begun}'s session. */
    public static String set(HttpServerExchange exchange, PageSessions.Begun begun, boolean secure) {
        return header(exchange, begun.id(), Math.max(1, begun.lifetime().toSeconds()), secure);
    }

    /** The {@code Set-Cookie} value that makes the browser forget its session. */
    public static String clear(HttpServerExchange exchange, boolean secure) {
        return header(exchange, "", 0, secure);
    }

    /** Whether nothing says another origin sent the request (browsers say so in Origin and Sec-Fetch-Site). */
    static boolean fromThisOrigin(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && !SameOrigin.sameHost(origin, exchange.getRequestHeaders().getFirst(Headers.HOST))) {
            return false;
        }
        String site = exchange.getRequestHeaders().getFirst(SEC_FETCH_SITE);
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    private static String name(HttpServerExchange exchange) {
        return PREFIX + exchange.getDestinationAddress().getPort();
    }

    private static String header(HttpServerExchange exchange, String value, long maxAgeSeconds, boolean secure) {
        return name(exchange) + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
