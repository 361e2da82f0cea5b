package io.simcast.streaming.host;

import io.simcast.streaming.access.Access;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.api.ApiKeyResource;
import io.simcast.streaming.api.ConfigResource;
import io.simcast.streaming.api.GenerateResource;
import io.simcast.streaming.api.HealthResource;
import io.simcast.streaming.api.LinksResource;
import io.simcast.streaming.api.PanelResource;
import io.simcast.streaming.api.RecordingsResource;
import io.simcast.streaming.api.RlResource;
import io.simcast.streaming.api.SceneResource;
import io.simcast.streaming.api.SessionResource;
import io.simcast.streaming.api.SimulationResource;
import io.simcast.streaming.api.StatsResource;
import io.simcast.streaming.api.ViewerResource;
import io.simcast.streaming.http.HostNames;
import io.simcast.streaming.http.RouteTable;
import io.simcast.streaming.http.SameOrigin;
import io.simcast.streaming.http.SecurityHeaders;
import io.simcast.streaming.http.StaticFiles;
import io.simcast.streaming.signaling.SignalingEndpoint;
import io.simcast.streaming.signaling.WhepResource;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import java.util.List;
import java.util.Optional;

/**
 * The host's whole URL space in one table, each entry with who may call it (docs/PROTOCOL.md describes each,
 * docs/SECURITY.md why each role is what it is): viewers may read and watch, controllers may change what runs
 * (the simulation, scenes from plain language, RL environments, what a viewer watches), the operator may also load
 * scenes, share links and set language-model keys. The page, its scripts and styles are the same for everybody and
 * are served to anyone: the page then proves who it is with the token it was opened with ({@code POST /api/session}).
 * Built once at start.
 */
final class HostRoutes {
    private HostRoutes() {}

    /** The REST resources the table routes to. */
    record Resources(HealthResource health, ConfigResource config, StatsResource stats, SceneResource scenes,
                     SimulationResource simulation, RlResource rl, ViewerResource viewers, ApiKeyResource apiKeys,
                     GenerateResource generate, LinksResource links, RecordingsResource recordings,
                     SessionResource session, PanelResource panels) {}

    static RouteTable table(Gatekeeper gatekeeper, Resources api, SignalingEndpoint signaling, WhepResource whep) {
        HttpHandler page = StaticFiles.client(RouteTable.notFound());
        return new RouteTable(gatekeeper)
                .page("/", Access.PUBLIC, page)
                .page("/index.html", Access.PUBLIC, page)
                .get("/api/health", Access.PUBLIC, api.health()::get)
                // Public because an operator link's token grants nothing else; it refuses anyone without a token.
                .post("/api/session", Access.PUBLIC, api.session()::open)
                // Public so that a browser whose session already ended can still clear its cookie.
                .delete("/api/session", Access.PUBLIC, api.session()::end)
                .get("/api/config", Access.VIEWER, api.config()::get)
                .get("/api/stats", Access.OPERATOR, api.stats()::get)
                .get("/api/scene/current", Access.VIEWER, api.scenes()::current)
                .get("/api/scene/presets", Access.VIEWER, api.scenes()::presets)
                .get("/api/scene/schema", Access.OPERATOR, api.scenes()::schema)
                .post("/api/scene/load", Access.OPERATOR, api.scenes()::load)
                .post("/api/scene/preset/{id}", Access.OPERATOR, api.scenes()::preset)
                .post("/api/sim/command", Access.CONTROLLER, api.simulation()::command)
                // simulate's panels: anyone may read them; changing goes through /api/sim/command.
                .get("/api/model", Access.VIEWER, api.panels()::model)
                .get("/api/sim/panel", Access.VIEWER, api.panels()::panel)
                .get("/api/sim/key", Access.VIEWER, api.panels()::key)
                // Scenes from plain language: generating one loads it for everybody.
                .post("/api/scene/generate", Access.CONTROLLER, api.generate()::generate)
                .delete("/api/scene/generate", Access.CONTROLLER, api.generate()::cancel)
                // RL environments: anyone may see what runs and watch a copy; creating changes it, and only the
                // creator (or the operator) may drive or close an environment (RlSessions checks).
                .get("/api/rl/robots", Access.VIEWER, api.rl()::robots)
                .get("/api/rl", Access.VIEWER, api.rl()::list)
                .post("/api/rl/create", Access.CONTROLLER, api.rl()::create)
                .post("/api/rl/{id}/reset", Access.CONTROLLER, api.rl()::reset)
                .post("/api/rl/{id}/step", Access.CONTROLLER, api.rl()::step)
                .get("/api/rl/{id}/render", Access.VIEWER, api.rl()::render)
                .get("/api/rl/{id}/state", Access.VIEWER, api.rl()::state)
                .post("/api/rl/{id}/state", Access.CONTROLLER, api.rl()::setState)
                .delete("/api/rl/{id}", Access.CONTROLLER, api.rl()::delete)
                .get("/api/rl/script", Access.CONTROLLER, api.rl()::script)
                .post("/api/viewers/{id}/watch", Access.CONTROLLER, api.viewers()::watch)
                // Language-model keys and share links: the operator's secrets.
                .get("/api/config/api-key", Access.OPERATOR, api.apiKeys()::list)
                .post("/api/config/api-key", Access.OPERATOR, api.apiKeys()::configure)
                .post("/api/config/api-key/test", Access.OPERATOR, api.apiKeys()::test)
                .delete("/api/config/api-key/{provider}", Access.OPERATOR, api.apiKeys()::remove)
                .get("/api/links", Access.OPERATOR, api.links()::list)
                .post("/api/links", Access.OPERATOR, api.links()::create)
                .delete("/api/links/{id}", Access.OPERATOR, api.links()::revoke)
                // Recordings: the operator's (files on the host's disk).
                .get("/api/recordings", Access.OPERATOR, api.recordings()::list)
                .post("/api/recordings", Access.OPERATOR, api.recordings()::start)
                .get("/api/recordings/{name}", Access.OPERATOR, api.recordings()::get)
                .delete("/api/recordings/{name}", Access.OPERATOR, api.recordings()::stop)
                .websocket("/ws/signaling", Access.VIEWER, Handlers.websocket(signaling))
                .post(WhepResource.PATH, Access.VIEWER, whep::offer)
                .options(WhepResource.PATH, Access.PUBLIC, whep::options)
                .patch(WhepResource.PATH + "/{id}", Access.VIEWER, whep::patch)
                .delete(WhepResource.PATH + "/{id}", Access.VIEWER, whep::delete)
                .options(WhepResource.PATH + "/{id}", Access.PUBLIC, whep::options);
    }

    /**
     * The finished handler: security headers on everything, requests naming another host refused (on a host bound to
     * loopback), cross-site requests refused, then the table.
     *
     * @param sfuOrigins where the page may also connect (the SFU it plays the broadcast from)
     * @param tls whether the host serves HTTPS
     * @param loopback whether the host is bound to a loopback address only (then requests must name this machine)
     * @param publicName the public URL's host name, which requests may also name
     */
    static HttpHandler handler(RouteTable table, List<String> sfuOrigins, boolean tls, boolean loopback,
                               Optional<String> publicName) {
        HttpHandler checked = new SameOrigin(table.build(StaticFiles.client(RouteTable.notFound())));
        if (loopback) {
            checked = new HostNames(checked, publicName);
        }
        return new SecurityHeaders(checked, sfuOrigins, tls);
    }
}
