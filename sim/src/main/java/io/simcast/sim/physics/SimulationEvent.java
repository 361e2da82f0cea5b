package io.simcast.sim.physics;

import io.simcast.sim.scene.Scene;

/** Something the simulation tells its listeners about, delivered in order on the event thread. */
public sealed interface SimulationEvent {

    /** A new scene replaced the old one; every reader should switch to it. */
    record SceneLoaded(Scene scene, long generation) implements SimulationEvent {}

    /** The simulation diverged (NaN, MuJoCo's instability warning, or a MuJoCo error) and was reset. */
    record Diverged(String sceneId, double time, String reason) implements SimulationEvent {}

    /** The user reset the scene. */
    record Reset(String sceneId) implements SimulationEvent {}
}
