package io.simcast.mcp;

import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.StateProbe;
import io.simcast.sim.render.Renderer;
import java.util.Optional;

/**
 * One simulation the tools act on: the shared one everybody watches, or a session's sandbox. Holds what reading it
 * needs beside the simulation itself: a {@link StateProbe} for body poses, sensors and contacts, {@link Pictures}
 * when there is a renderer, and the description of the running model (made again when the scene changes). Any
 * thread. Closing frees what the target made; a sandbox's target also closes its renderer and simulation.
 */
final class Target implements AutoCloseable {
    private final String name;
    private final Simulation simulation;
    private final Optional<Renderer> renderer;
    private final String noRendererReason;
    private final boolean owned;
    private final StateProbe probe = new StateProbe();
    private final Optional<Pictures> pictures;

    /**
     * @param name {@code shared} or the sandbox id
     * @param noRendererReason why there is no renderer (when {@code renderer} is empty)
     * @param owned whether closing the target closes the simulation and renderer (a sandbox's)
     */
    Target(String name, Simulation simulation, Optional<Renderer> renderer, String noRendererReason, boolean owned) {
        this.name = name;
        this.simulation = simulation;
        this.renderer = renderer;
        this.noRendererReason = noRendererReason;
        this.owned = owned;
        this.pictures = renderer.map(Pictures::new);
    }

    String name() {
        return name;
    }

    Simulation simulation() {
        return simulation;
    }

    Optional<Renderer> renderer() {
        return renderer;
    }

    String noRendererReason() {
        return noRendererReason;
    }

    SimulationSnapshot snapshot() {
        return simulation.snapshot();
    }

    /** The running model's description (names, addresses, ranges). */
    ModelDescription describe() {
        return describe(simulation.snapshot());
    }

    ModelDescription describe(SimulationSnapshot snapshot) {
        return snapshot.scene().model().description(); // made once per model, when it was compiled
    }

    /** Body poses, sensors and contacts of the newest state. */
    StateProbe.Derived derived() {
        for (int attempt = 0; ; attempt++) {
            try {
                return probe.read(simulation.snapshot());
            } catch (IllegalStateException e) {
                if (attempt >= 2) {
                    throw e; // scenes replaced three times in a row: say so
                }
            }
        }
    }

    Pictures pictures() {
        return pictures.orElseThrow(() -> new ToolError(McpMessages.noRenderer(noRendererReason)));
    }

    @Override
    public void close() {
        pictures.ifPresent(Pictures::close);
        probe.close();
        if (owned) {
            renderer.ifPresent(Renderer::close);
            simulation.close();
        }
    }
}
