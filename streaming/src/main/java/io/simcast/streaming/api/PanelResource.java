package io.simcast.streaming.api;

import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.KeyframeText;
import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.physics.Simulation;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * simulate's panels over REST, the same values the signalling socket streams: {@code GET /api/model} (the running
 * model as data), {@code GET /api/sim/panel} (live joints, controls, sensors and info) and {@code GET /api/sim/key}
 * (the current state as an MJCF {@code <key>} element, {@code ?name=} to name it). Changing anything goes through
 * {@code POST /api/sim/command} ({@code control}, {@code clear_controls}, {@code positions}, {@code keyframe}).
 * Worker threads; reads snapshots, never waits for the physics thread.
 */
public final class PanelResource {
    private final Simulation simulation;
    private final Supplier<PanelSample> panel;

    /** @param panel the signalling hub's sampler (one forward pass per call, on its own copy of the state) */
    public PanelResource(Simulation simulation, Supplier<PanelSample> panel) {
        this.simulation = simulation;
        this.panel = panel;
    }

    public record Described(long generation, ModelDescription model) {}

    public record Key(String mjcf) {}

    public Described model(HttpServerExchange exchange) {
        var snapshot = simulation.snapshot();
        return new Described(snapshot.sceneGeneration(), snapshot.scene().model().description());
    }

    public PanelSample panel(HttpServerExchange exchange) {
        return panel.get();
    }

    public Key key(HttpServerExchange exchange) {
        Deque<String> name = exchange.getQueryParameters().get("name");
        return new Key(KeyframeText.of(simulation.snapshot(), name == null ? null : name.peekFirst()));
    }
}
