package io.simcast.mcp;

import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.StateProbe;
import io.simcast.sim.render.Renderer;
import io.simcast.streaming.host.Rendering;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One simulation the tools act on: the shared one everybody watches, or a session's sandbox. Holds what reading it
 * needs beside the simulation itself: a {@link StateProbe} for body poses, sensors and contacts, {@link Pictures}
 * when there is a renderer, and the description of the running model (made again when the scene changes). The
 * renderer may still be starting ({@code simcast mcp} answers before its EGL context is up): what needs it waits for
 * it, what only reports on it does not. Any thread. Closing frees what the target made; a sandbox's target also
 * closes its renderer and simulation.
 */
final class Target implements AutoCloseable {
    private final String name;
    private final Simulation simulation;
    private final CompletableFuture<Rendering> rendering;
    private final boolean owned;
    private final StateProbe probe = new StateProbe();
    private Pictures pictures;

    /**
     * @param name {@code shared} or the sandbox id
     * @param rendering the renderer, or why there is none; may still be starting
     * @param owned whether closing the target closes the simulation and renderer (a sandbox's)
     */
    Target(String name, Simulation simulation, CompletableFuture<Rendering> rendering, boolean owned) {
        this.name = name;
        this.simulation = simulation;
        this.rendering = rendering;
        this.owned = owned;
    }

    /** A target whose renderer (or the reason for none) is known already. */
    Target(String name, Simulation simulation, Rendering rendering, boolean owned) {
        this(name, simulation, CompletableFuture.completedFuture(rendering), owned);
    }

    String name() {
        return name;
    }

    Simulation simulation() {
        return simulation;
    }

    /** The renderer, once it started (waits for it); empty when this machine cannot render. */
    Optional<Renderer> renderer() {
        return switch (rendering()) {
            case Rendering.Available available -> Optional.of(available.renderer());
            case Rendering.Unavailable ignored -> Optional.empty();
        };
    }

    /** The renderer or why there is none, or empty while it is still starting. Does not wait. */
    Optional<Rendering> renderingNow() {
        return rendering.isDone() ? Optional.of(rendering()) : Optional.empty();
    }

    private Rendering rendering() {
        try {
            return rendering.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Rendering.unavailable(e.toString());
        } catch (ExecutionException e) {
            return Rendering.unavailable(String.valueOf(e.getCause().getMessage()));
        }
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

    /** Pictures of this simulation, once the renderer started; a tool error saying why when there is none. */
    synchronized Pictures pictures() {
        if (pictures == null) {
            pictures = switch (rendering()) {
                case Rendering.Available available -> new Pictures(available.renderer());
                case Rendering.Unavailable unavailable -> throw new ToolError(
                        McpMessages.noRenderer(unavailable.reason()));
            };
        }
        return pictures;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (pictures != null) {
                pictures.close();
            }
        }
        probe.close();
        if (owned) {
            renderer().ifPresent(Renderer::close);
            simulation.close();
        }
    }
}
