package io.simcast.streaming.api;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/health}: is the host up, and can it serve video. {@code status} is {@code ok}, or
 * {@code degraded} when the renderer or WebRTC is missing (the reason is in that component's {@code detail}).
 * Open to anyone so that load balancers and probes need no token; a caller without credentials learns only the
 * status, a caller with any role gets the whole report (version, scene, viewers, components). Worker threads; reads
 * snapshots only.
 */
public final class HealthResource {
    private final Simulation simulation;
    private final Viewers viewers;
    private final HostFacts facts;

    public HealthResource(Simulation simulation, Viewers viewers, HostFacts facts) {
        this.simulation = simulation;
        this.viewers = viewers;
        this.facts = facts;
    }

    /** What a caller without credentials learns. */
    public record Status(String status) {}

    public record Health(String status, String version, double uptimeSeconds, Scene scene, SimulationState simulation,
                         ViewerCount viewers, Component renderer, Component webrtc, List<String> codecs) {}

    public record Scene(String id, String title) {}

    public record ViewerCount(int count, int limit) {}

    /** {@code available} true, or false with the reason in {@code detail}. */
    public record Component(boolean available, String detail) {
        static Component of(Optional<String> problem) {
            return problem.map(reason -> new Component(false, reason)).orElseGet(() -> new Component(true, "ok"));
        }
    }

    public Object get(HttpServerExchange exchange) {
        boolean ok = facts.rendererProblem().isEmpty() && facts.webRtcProblem().isEmpty();
        if (exchange.getAttachment(Gatekeeper.GRANT) == null) {
            return new Status(ok ? "ok" : "degraded");
        }
        SimulationSnapshot snapshot = simulation.snapshot();
        return new Health(ok ? "ok" : "degraded", facts.version(),
                Math.round((System.nanoTime() - facts.startedNanos()) / 1e8) / 10.0,
                new Scene(snapshot.sceneId(), snapshot.scene().title()), SimulationState.of(snapshot),
                new ViewerCount(viewers.count(), viewers.limit()), Component.of(facts.rendererProblem()),
                Component.of(facts.webRtcProblem()), facts.codecs());
    }
}
