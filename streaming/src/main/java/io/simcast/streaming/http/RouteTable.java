package io.simcast.streaming.http;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.Access;
import io.simcast.streaming.access.Gatekeeper;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host's URL space, written as one readable table: method, path template, who may call it, route. Every entry
 * declares its {@link Access}, and a {@link Guard} enforces it before the route runs. JSON routes run on worker
 * threads ({@link JsonHandler}); unknown paths fall through to the page's static files and then to a JSON 404; a
 * known path with the wrong method gets a JSON 405. Built once at start; Undertow's IO threads read it.
 */
public final class RouteTable {
    /** One entry, as tests and docs list them: {@code GET /api/health PUBLIC}. */
    public record Route(String method, String template, Access access) {}

    private final RoutingHandler routing = Handlers.routing();
    private final Gatekeeper gatekeeper;
    private final List<Route> routes = new ArrayList<>();

    public RouteTable(Gatekeeper gatekeeper) {
        this.gatekeeper = gatekeeper;
    }

    public RouteTable get(String template, Access access, JsonHandler.Route route) {
        return add(Methods.GET, template, access, Guard.Credentials.BEARER_OR_COOKIE, new JsonHandler(route));
    }

    public RouteTable post(String template, Access access, JsonHandler.Route route) {
        return add(Methods.POST, template, access, Guard.Credentials.BEARER_OR_COOKIE, new JsonHandler(route));
    }

    public RouteTable delete(String template, Access access, JsonHandler.Route route) {
        return add(Methods.DELETE, template, access, Guard.Credentials.BEARER_OR_COOKIE, new JsonHandler(route));
    }

    public RouteTable patch(String template, Access access, JsonHandler.Route route) {
        return add(Methods.PATCH, template, access, Guard.Credentials.BEARER_OR_COOKIE, new JsonHandler(route));
    }

    public RouteTable options(String template, Access access, JsonHandler.Route route) {
        return add(Methods.OPTIONS, template, access, Guard.Credentials.BEARER_OR_COOKIE, new JsonHandler(route));
    }

    /**
     * A route whose handler is the caller's own (a host extension's): {@code Authorization: Bearer} credentials only
     * (never the page's cookie),
     * refusals in JSON; the handler runs on the IO thread and dispatches blocking work itself.
     */
    public RouteTable handler(String method, String template, Access access, HttpHandler handler) {
        return add(HttpString.tryFromString(method), template, access, Guard.Credentials.BEARER, handler);
    }

    /** A document or file served as it is (the page: the same for everybody, its token stays in the browser). */
    public RouteTable page(String template, Access access, HttpHandler handler) {
        return add(Methods.GET, template, access, Guard.Credentials.BEARER_OR_COOKIE, handler);
    }

    /** A WebSocket upgrade: its token comes in a header, the page's session cookie, or its first message. */
    public RouteTable websocket(String template, Access access, HttpHandler handler) {
        return add(Methods.GET, template, access, Guard.Credentials.BEARER_COOKIE_OR_LATER, handler);
    }

    private RouteTable add(HttpString method, String template, Access access, Guard.Credentials credentials,
                           HttpHandler handler) {
        routing.add(method, template, new Guard(gatekeeper, access, credentials, handler));
        routes.add(new Route(method.toString(), template, access));
        return this;
    }

    /** Every entry, in the order they were added. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The finished tree; {@code fallback} serves what no route matched (the page's files), else a JSON 404. */
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
