package io.simcast.streaming;

import io.simcast.streaming.api.ApiKeyResource;
import io.simcast.streaming.api.ConfigResource;
import io.simcast.streaming.api.GenerateResource;
import io.simcast.streaming.api.HealthResource;
import io.simcast.streaming.api.RlResource;
import io.simcast.streaming.api.SceneResource;
import io.simcast.streaming.api.SimulationResource;
import io.simcast.streaming.api.StatsResource;
import io.simcast.streaming.api.ViewerResource;
import io.simcast.streaming.http.Cors;
import io.simcast.streaming.http.Purpose;
import io.simcast.streaming.http.RouteTable;
import io.simcast.streaming.http.SameOrigin;
import io.simcast.streaming.http.StaticFiles;
import io.simcast.streaming.signaling.SignalingEndpoint;
import io.simcast.streaming.signaling.WhepResource;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.util.Methods;

/**
 * The host's whole URL space in one table (docs/PROTOCOL.md describes each entry). Routes declared with a
 * {@link Purpose} say who they are for, so that access rules can be attached. Built once at start.
 */
final class HostRoutes {
    private HostRoutes() {}

    /** The REST resources the table routes to. */
    record Resources(HealthResource health, ConfigResource config, StatsResource stats, SceneResource scenes,
                     SimulationResource simulation, RlResource rl, ViewerResource viewers, ApiKeyResource apiKeys,
                     GenerateResource generate) {}

    static RouteTable table(Resources api, SignalingEndpoint signaling, WhepResource whep) {
        return new RouteTable()
                .get("/api/health", api.health()::get)
                .get("/api/config", api.config()::get)
                .get("/api/stats", api.stats()::get)
                .get("/api/scene/current", api.scenes()::current)
                .get("/api/scene/presets", api.scenes()::presets)
                .post("/api/scene/load", api.scenes()::load)
                .post("/api/scene/preset/{id}", api.scenes()::preset)
                .post("/api/sim/command", api.simulation()::command)
                // Scenes from plain language: generating one loads it for everybody.
                .post("/api/scene/generate", Purpose.CONTROL, api.generate()::generate)
                .delete("/api/scene/generate", Purpose.CONTROL, api.generate()::cancel)
                // RL environments: anyone may see what runs; creating and stepping changes it.
                .get("/api/rl/robots", Purpose.READ, api.rl()::robots)
                .get("/api/rl", Purpose.READ, api.rl()::list)
                .post("/api/rl/create", Purpose.CONTROL, api.rl()::create)
                .post("/api/rl/{id}/reset", Purpose.CONTROL, api.rl()::reset)
                .post("/api/rl/{id}/step", Purpose.CONTROL, api.rl()::step)
                .delete("/api/rl/{id}", Purpose.CONTROL, api.rl()::delete)
                .post("/api/viewers/{id}/watch", Purpose.CONTROL, api.viewers()::watch)
                // Language-model keys: the operator's secrets.
                .get("/api/config/api-key", Purpose.CONFIGURE, api.apiKeys()::list)
                .post("/api/config/api-key", Purpose.CONFIGURE, api.apiKeys()::configure)
                .post("/api/config/api-key/test", Purpose.CONFIGURE, api.apiKeys()::test)
                .delete("/api/config/api-key/{provider}", Purpose.CONFIGURE, api.apiKeys()::remove)
                .raw(Methods.GET_STRING, "/ws/signaling", Handlers.websocket(signaling))
                .post(WhepResource.PATH, whep::offer)
                .options(WhepResource.PATH, whep::options)
                .patch(WhepResource.PATH + "/{id}", whep::patch)
                .delete(WhepResource.PATH + "/{id}", whep::delete)
                .options(WhepResource.PATH + "/{id}", whep::options);
    }

    /** The table with the page as fallback, behind the same-origin and CORS wrappers. */
    static HttpHandler build(RouteTable table) {
        HttpHandler routes = table.build(StaticFiles.client(RouteTable.notFound()));
        return new SameOrigin(new Cors(routes, WhepResource.PATH), WhepResource.PATH);
    }
}
