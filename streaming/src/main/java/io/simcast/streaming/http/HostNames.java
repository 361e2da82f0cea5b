package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * On a host that listens on a loopback address only, refuses requests whose {@code Host} header names anything but
 * this machine ({@code 127.x.y.z}, {@code [::1]}, {@code localhost}) or the host of its public URL (a proxy in front
 * passes the name people use): a page on another site that rebinds its DNS name to 127.0.0.1 reaches the port, but
 * sends its own name. A host that listens on other interfaces is reached by names it cannot know, and is not
 * wrapped. Undertow IO threads.
 */
public final class HostNames implements HttpHandler {
    private final HttpHandler next;
    private final Optional<String> publicName;

    /** @param publicName the public URL's host, which requests may also name */
    public HostNames(HttpHandler next, Optional<String> publicName) {
        this.next = next;
        this.publicName = publicName.map(name -> name.toLowerCase(Locale.ROOT));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (!isLoopbackName(host) && !publicName.map(name -> name.equals(hostPart(host))).orElse(false)) {
            Json.sendError(exchange, 403, StreamingMessages.foreignHostName(String.valueOf(host)), Map.of());
            return;
        }
        next.handleRequest(exchange);
    }

    /** {@code localhost}, {@code 127.x.y.z} or {@code [::1]}, with or without a port. */
    static boolean isLoopbackName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.equals("[::1]") || name.startsWith("[::1]:");
        }
        name = hostPart(name);
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The name without its port ({@code [v6]} keeps its brackets). */
    private static String hostPart(String host) {
        if (host == null) {
            return "";
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.startsWith("[") ? name.indexOf("]:") + 1 : name.indexOf(':');
        return colon > 0 ? name.substring(0, colon) : name;
    }
}
