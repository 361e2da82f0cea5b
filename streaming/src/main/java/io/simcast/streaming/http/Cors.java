package io.simcast.streaming.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Lets WHEP players served from other origins use the WHEP door: under {@code prefix}, allows any origin and exposes
 * the headers WHEP answers carry. Undertow IO threads.
 */
public final class Cors implements HttpHandler {
    private final HttpHandler next;
    private final String prefix;

    public Cors(HttpHandler next, String prefix) {
        this.next = next;
        this.prefix = prefix;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.getRequestPath().startsWith(prefix)) {
            next.handleRequest(exchange);
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.put(HttpString.tryFromString("Access-Control-Allow-Origin"), "*");
        headers.put(HttpString.tryFromString("Access-Control-Allow-Methods"), "POST, PATCH, DELETE, OPTIONS");
        headers.put(HttpString.tryFromString("Access-Control-Allow-Headers"), "Content-Type, Authorization, If-Match");
        headers.put(HttpString.tryFromString("Access-Control-Expose-Headers"), "Location, Link, ETag");
        next.handleRequest(exchange);
    }
}
