package io.simcast.sim.physics;

/**
 * What simulate's panels and info overlay show at one moment, the same for the console and the page: the live
 * joints, controls and sensor values, and the info figures. Arrays follow the model's layout (qpos, ctrl, sensordata;
 * {@link io.simcast.sim.core.ModelDescription} says where each joint, actuator and sensor sits). Immutable by
 * contract.
 *
 * @param generation the scene generation these values belong to (a panel built for another scene ignores them)
 * @param info simulate's info overlay
 */
public record PanelSample(long generation, double time, boolean playing, double[] qpos, double[] ctrl,
                          double[] sensors, Info info) {
    /**
     * simulate's info overlay.
     *
     * @param realTimeFactor simulated seconds per wall-clock second lately
     * @param stepsPerSecond physics steps per wall-clock second lately
     * @param contacts active contacts after the last step
     * @param solver constraints, solver iterations and the final residual of the last step
     * @param potentialEnergy potential energy (0 unless the model enables energy)
     * @param kineticEnergy kinetic energy (0 unless the model enables energy)
     */
    public record Info(double realTimeFactor, double stepsPerSecond, int contacts, SolverStats solver,
                       double potentialEnergy, double kineticEnergy) {}
}
