package io.simcast.streaming;

import io.simcast.streaming.access.Access;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.api.ConfigResource;
import io.simcast.streaming.api.HealthResource;
import io.simcast.streaming.api.LinksResource;
import io.simcast.streaming.api.SceneResource;
import io.simcast.streaming.api.SimulationResource;
import io.simcast.streaming.api.StatsResource;
import io.simcast.streaming.http.RouteTable;
import io.simcast.streaming.http.SameOrigin;
import io.simcast.streaming.http.SecurityHeaders;
import io.simcast.streaming.http.StaticFiles;
import io.simcast.streaming.signaling.SignalingEndpoint;
import io.simcast.streaming.signaling.WhepResource;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;

/**
 * The host's whole URL space in one table, each entry with who may call it (docs/PROTOCOL.md describes each,
 * docs/SECURITY.md why each role is what it is). The page's document needs a token; its scripts and styles are the
 * same for everybody and are served to anyone. Built once at start.
 */
final class HostRoutes {
    private HostRoutes() {}

    record Resources(HealthResource health, ConfigResource config, StatsResource stats, SceneResource scenes,
                     SimulationResource simulation, LinksResource links, SignalingEndpoint signaling,
                     WhepResource whep) {}

    static RouteTable table(Gatekeeper gatekeeper, Resources r) {
        HttpHandler page = StaticFiles.client(RouteTable.notFound());
        return new RouteTable(gatekeeper)
                .page("/", Access.VIEWER, page)
                .page("/index.html", Access.VIEWER, page)
                .get("/api/health", Access.PUBLIC, r.health()::get)
                .get("/api/config", Access.VIEWER, r.config()::get)
                .get("/api/stats", Access.OPERATOR, r.stats()::get)
                .get("/api/scene/current", Access.VIEWER, r.scenes()::current)
                .get("/api/scene/presets", Access.VIEWER, r.scenes()::presets)
                .post("/api/scene/load", Access.OPERATOR, r.scenes()::load)
                .post("/api/scene/preset/{id}", Access.OPERATOR, r.scenes()::preset)
                .post("/api/sim/command", Access.CONTROLLER, r.simulation()::command)
                .get("/api/links", Access.OPERATOR, r.links()::list)
                .post("/api/links", Access.OPERATOR, r.links()::create)
                .delete("/api/links/{id}", Access.OPERATOR, r.links()::revoke)
                .websocket("/ws/signaling", Access.VIEWER, Handlers.websocket(r.signaling()))
                .post(WhepResource.PATH, Access.VIEWER, r.whep()::offer)
                .options(WhepResource.PATH, Access.PUBLIC, r.whep()::options)
                .patch(WhepResource.PATH + "/{id}", Access.VIEWER, r.whep()::patch)
                .delete(WhepResource.PATH + "/{id}", Access.VIEWER, r.whep()::delete)
                .options(WhepResource.PATH + "/{id}", Access.PUBLIC, r.whep()::options);
    }

    /** The finished handler: security headers on everything, cross-site requests refused, then the table. */
    static HttpHandler handler(RouteTable table) {
        return new SecurityHeaders(new SameOrigin(table.build(StaticFiles.client(RouteTable.notFound()))));
    }
}
