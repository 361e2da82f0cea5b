package io.simcast.sim.physics;

/**
 * What simulate's panels and info overlay show at one moment, the same for the console and the page: the live
 * joints, controls and sensor values, and the info figures. Arrays follow the model's layout (qpos, ctrl, sensordata;
 * {@link io.simcast.sim.core.ModelDescription} says where each joint, actuator and sensor sits). Immutable by
 * contract.
 *
 * @param generation the scene generation these values belong to (a panel built for another scene ignores them)
 * @param info simulate's info overlay
 * @param profiler simulate's profiler
 */
public record PanelSample(long generation, double time, boolean playing, double[] qpos, double[] ctrl,
                          double[] sensors, Info info, Profiler profiler) {
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

    /**
     * simulate's profiler: MuJoCo's time per stage of a step, and the renderer's time per frame.
     *
     * @param physics per-step averages ({@link StepTimers#OFF} while nobody watches the profiler)
     * @param drawing the renderer's frames lately
     */
    public record Profiler(StepTimers physics, Drawing drawing) {}

    /**
     * The renderer's frames over its last full second, all views together, measured on the render thread.
     *
     * @param framesPerSecond frames drawn and read back per second
     * @param drawMillis mean time to update the scene and draw a frame
     * @param readbackMillis mean time to read a frame's pixels back
     */
    public record Drawing(double framesPerSecond, double drawMillis, double readbackMillis) {
        /** No renderer (or none yet). */
        public static final Drawing NONE = new Drawing(0, 0, 0);
    }
}
