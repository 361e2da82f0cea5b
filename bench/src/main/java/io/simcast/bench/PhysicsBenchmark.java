package io.simcast.bench;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_KEY;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_name2id;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetDataKeyframe;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;
import static io.simcast.sim.mujoco.global.MuJoCo.mju_Halton;

import io.simcast.sim.core.SimData;
import io.simcast.sim.core.StateArray;
import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.scene.Scene;

/**
 * Steps per second of raw {@code mj_step} from Java, with exactly the workload of MuJoCo 2.2's native
 * {@code testspeed} ({@link NativeTestspeed}): one thread, the state of keyframe "test" when the model has one, before
 * every step a control per actuator from a Halton sequence around the middle of its range, scaled by the noise
 * (precomputed, written as every Simcast caller writes controls: through {@link SimData#ctrl()}), and after it the
 * contact and constraint counts read as testspeed sums them. Same model, same controls, same contacts: the ratio
 * measures the cost of calling MuJoCo from Java. Runs on the calling thread.
 */
public final class PhysicsBenchmark {
    private PhysicsBenchmark() {}

    /**
     * One measurement.
     *
     * @param steps steps timed
     * @param seconds wall time of the timed loop
     * @param cpuSeconds CPU time the process used meanwhile
     * @param contactsPerStep mean contacts per step
     * @param constraintsPerStep mean constraint rows per step (testspeed prints both: equal counts, equal work)
     */
    public record Result(long steps, double seconds, double cpuSeconds, double contactsPerStep,
                         double constraintsPerStep) {
        public double stepsPerSecond() {
            return steps / seconds;
        }

        public double stepsPerCpuSecond() {
            return steps / cpuSeconds;
        }
    }

    /** Times {@code steps} steps on fresh data, after an untimed run that lets the JIT compile the loop. */
    public static Result run(Scene scene, int steps, double controlNoise) {
        mjModel m = scene.model().pointer();
        double[] controls = controlSequence(m, steps, controlNoise);
        timedLoop(scene, m, controls, Math.min(steps, 5000));
        return timedLoop(scene, m, controls, steps);
    }

    private static Result timedLoop(Scene scene, mjModel m, double[] controls, int steps) {
        int nu = m.nu();
        try (SimData data = new SimData(scene.model())) {
            mjData d = data.pointer();
            int testKey = mj_name2id(m, mjOBJ_KEY, "test");
            if (testKey >= 0) {
                mj_resetDataKeyframe(m, d, testKey);
            }
            StateArray ctrl = data.ctrl();
            long contacts = 0;
            long constraints = 0;
            long cpu = CpuClock.nanos();
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                ctrl.put(controls, i * nu, nu);
                mj_step(m, d);
                contacts += d.ncon();
                constraints += d.nefc();
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            double cpuSeconds = (CpuClock.nanos() - cpu) * 1e-9;
            return new Result(steps, seconds, cpuSeconds, (double) contacts / steps, (double) constraints / steps);
        }
    }

    /** testspeed's CtrlNoise: centre + halfrange * noise * (2 * Halton(step, i + 2) - 1). */
    private static double[] controlSequence(mjModel m, int steps, double noise) {
        int nu = m.nu();
        double[] controls = new double[steps * nu];
        if (nu == 0) {
            return controls;
        }
        double[] range = new double[2 * nu];
        m.actuator_ctrlrange().capacity(range.length).get(range);
        byte[] limited = new byte[nu];
        m.actuator_ctrllimited().capacity(nu).get(limited);
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < nu; i++) {
                double center = 0;
                double radius = 1;
                if (limited[i] != 0) {
                    center = (range[2 * i + 1] + range[2 * i]) / 2;
                    radius = (range[2 * i + 1] - range[2 * i]) / 2;
                }
                controls[step * nu + i] = center + radius * noise * (2 * mju_Halton(step, i + 2) - 1);
            }
        }
        return controls;
    }
}
