package io.simcast.mcp;

import io.simcast.streaming.http.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The MCP specification's defence against DNS rebinding for Streamable HTTP: a request that carries an
 * {@code Origin} (a browser sent it) passes only when that origin is this host as people reach it: the same scheme,
 * name and port as the request's {@code Host}, and that name is this machine's loopback name or the host's page
 * address. A page on another site whose name was rebound to 127.0.0.1 sends its own name in both, and is refused with
 * 403. Requests without an Origin (MCP clients outside browsers) pass to the token check. Undertow IO threads.
 */
final class OriginCheck implements HttpHandler {
    private final Supplier<URI> pageAddress;
    private final HttpHandler next;

    OriginCheck(Supplier<URI> pageAddress, HttpHandler next) {
        this.pageAddress = pageAddress;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && !allowed(origin, exchange.getRequestHeaders().getFirst(Headers.HOST), pageAddress.get())) {
            Json.sendError(exchange, 403, McpMessages.originRefused(origin), Map.of("reason", "origin"));
            return;
        }
        next.handleRequest(exchange);
    }

    static boolean allowed(String origin, String host, URI page) {
        if (host == null) {
            return false;
        }
        URI from;
        try {
            from = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (from.getHost() == null || from.getScheme() == null) {
            return false; // "null": sandboxed frames and files
        }
        String authority = authority(from);
        if (!authority.equalsIgnoreCase(withPort(host, from.getScheme()))) {
            return false;
        }
        return loopback(from.getHost()) || page != null && authority.equalsIgnoreCase(authority(page));
    }

    private static String authority(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static String withPort(String host, String scheme) {
        boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
        return hasPort ? host : host + ":" + ("https".equals(scheme) ? 443 : 80);
    }

    private static boolean loopback(String name) {
        String host = name.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
