package io.simcast.streaming.api;

import io.simcast.sim.physics.SimulationSnapshot;

/**
 * The simulation as REST callers see it.
 *
 * @param state {@code playing} or {@code paused}
 * @param scene the running scene's id
 * @param time simulated seconds since load or reset
 * @param speed the speed factor
 * @param realTimeFactor simulated seconds per wall-clock second achieved lately
 * @param stepsPerSecond physics steps per wall-clock second achieved lately
 * @param skippedSeconds wall-clock seconds the physics skipped since the host started, each time it fell more than
 *     a tenth of a second behind real time; 0 while it keeps real time
 */
public record SimulationState(String state, String scene, double time, double speed, double realTimeFactor,
                              double stepsPerSecond, double skippedSeconds) {
    public static SimulationState of(SimulationSnapshot snapshot) {
        return new SimulationState(snapshot.playing() ? "playing" : "paused", snapshot.sceneId(), snapshot.time(),
                snapshot.speed(), snapshot.realTimeFactor(), snapshot.stepsPerSecond(),
                snapshot.skippedSeconds());
    }
}
