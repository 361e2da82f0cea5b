package io.simcast.streaming;

import io.simcast.streaming.api.ConfigResource;
import io.simcast.streaming.api.HealthResource;
import io.simcast.streaming.api.SceneResource;
import io.simcast.streaming.api.SimulationResource;
import io.simcast.streaming.api.StatsResource;
import io.simcast.streaming.http.Cors;
import io.simcast.streaming.http.RouteTable;
import io.simcast.streaming.http.SameOrigin;
import io.simcast.streaming.http.StaticFiles;
import io.simcast.streaming.signaling.SignalingEndpoint;
import io.simcast.streaming.signaling.WhepResource;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.util.Methods;

/** The host's whole URL space in one table (docs/PROTOCOL.md describes each entry). Built once at start. */
final class HostRoutes {
    private HostRoutes() {}

    static HttpHandler build(HealthResource health, ConfigResource config, StatsResource stats, SceneResource scenes,
                             SimulationResource simulation, SignalingEndpoint signaling, WhepResource whep) {
        HttpHandler routes = new RouteTable()
                .get("/api/health", health::get)
                .get("/api/config", config::get)
                .get("/api/stats", stats::get)
                .get("/api/scene/current", scenes::current)
                .get("/api/scene/presets", scenes::presets)
                .post("/api/scene/load", scenes::load)
                .post("/api/scene/preset/{id}", scenes::preset)
                .post("/api/sim/command", simulation::command)
                .raw(Methods.GET_STRING, "/ws/signaling", Handlers.websocket(signaling))
                .post(WhepResource.PATH, whep::offer)
                .options(WhepResource.PATH, whep::options)
                .patch(WhepResource.PATH + "/{id}", whep::patch)
                .delete(WhepResource.PATH + "/{id}", whep::delete)
                .options(WhepResource.PATH + "/{id}", whep::options)
                .build(StaticFiles.client(RouteTable.notFound()));
        return new SameOrigin(new Cors(routes, WhepResource.PATH), WhepResource.PATH);
    }
}
