package io.simcast.sim.physics;

/** Receives {@link SimulationEvent}s on the simulation's event thread, never on the physics thread. */
@FunctionalInterface
public interface SimulationListener {
    void onEvent(SimulationEvent event);
}
