package io.simcast.sim.physics;

import java.util.concurrent.CompletableFuture;

/**
 * Something a renderer can draw: the newest snapshot of a running simulation and a door for the commands that mouse
 * interaction sends (perturbation). The live {@link Simulation} is one; a watched RL environment copy is another,
 * whose door refuses every command.
 */
public interface SimulationSource {

    /** The newest published state; never null, never blocks. Any thread. */
    SimulationSnapshot snapshot();

    /** Queues a command; completes with the first snapshot that includes it, or exceptionally when refused. */
    CompletableFuture<SimulationSnapshot> submit(SimCommand command);
}
