package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host's URL space, written as one readable table: method, path template, route. JSON routes run on worker
 * threads ({@link JsonHandler}); unknown paths fall through to the static page and then to a JSON 404; a known
 * path with the wrong method gets a JSON 405. Built once at start; Undertow's IO threads read it.
 */
public final class RouteTable {
    private final RoutingHandler routing = Handlers.routing();
    private final List<Declared> declared = new ArrayList<>();

    /** A route registered with its {@link Purpose}, for whoever attaches access rules. */
    public record Declared(String method, String template, Purpose purpose) {}

    public RouteTable get(String template, JsonHandler.Route route) {
        routing.add(Methods.GET, template, new JsonHandler(route));
        return this;
    }

    public RouteTable post(String template, JsonHandler.Route route) {
        routing.add(Methods.POST, template, new JsonHandler(route));
        return this;
    }

    public RouteTable delete(String template, JsonHandler.Route route) {
        routing.add(Methods.DELETE, template, new JsonHandler(route));
        return this;
    }

    public RouteTable patch(String template, JsonHandler.Route route) {
        routing.add(Methods.PATCH, template, new JsonHandler(route));
        return this;
    }

    public RouteTable options(String template, JsonHandler.Route route) {
        routing.add(Methods.OPTIONS, template, new JsonHandler(route));
        return this;
    }

    public RouteTable get(String template, Purpose purpose, JsonHandler.Route route) {
        return declare(Methods.GET_STRING, template, purpose).get(template, route);
    }

    public RouteTable post(String template, Purpose purpose, JsonHandler.Route route) {
        return declare(Methods.POST_STRING, template, purpose).post(template, route);
    }

    public RouteTable delete(String template, Purpose purpose, JsonHandler.Route route) {
        return declare(Methods.DELETE_STRING, template, purpose).delete(template, route);
    }

    /** The routes registered with a purpose, in table order. */
    public List<Declared> declared() {
        return List.copyOf(declared);
    }

    private RouteTable declare(String method, String template, Purpose purpose) {
        declared.add(new Declared(method, template, purpose));
        return this;
    }

    /** A handler that is not a JSON route (WebSocket upgrade, static files). */
    public RouteTable raw(String method, String template, HttpHandler handler) {
        routing.add(method, template, handler);
        return this;
    }

    /** The finished tree; {@code fallback} serves what no route matched (the page), else a JSON 404. */
    public HttpHandler build(HttpHandler fallback) {
        routing.setFallbackHandler(fallback);
        routing.setInvalidMethodHandler(exchange -> Json.sendError(exchange, 405,
                StreamingMessages.methodNotAllowed(exchange.getRequestMethod().toString(), exchange.getRequestPath()),
                Map.of()));
        return routing;
    }

    /** A JSON 404 naming the path. */
    public static HttpHandler notFound() {
        return exchange -> Json.sendError(exchange, 404,
                StreamingMessages.noSuchPath(exchange.getRequestMethod().toString(), exchange.getRequestPath()),
                Map.of());
    }
}
