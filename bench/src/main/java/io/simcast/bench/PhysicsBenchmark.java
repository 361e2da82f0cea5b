package io.simcast.bench;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_KEY;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_name2id;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetDataKeyframe;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;
import static io.simcast.sim.mujoco.global.MuJoCo.mju_Halton;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.core.SimData;
import io.simcast.sim.scene.Scene;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Steps per second of raw {@code mj_step} from Java, with exactly the workload of MuJoCo 2.2's native
 * {@code testspeed}: one thread, the state of keyframe "test" when the model has one, and before every step a
 * precomputed control from a Halton sequence around the middle of each actuator's range, scaled by the noise.
 * Same model, same controls, same contacts: the ratio measures the cost of calling MuJoCo from Java.
 */
public final class PhysicsBenchmark {
    private PhysicsBenchmark() {}

    /**
     * One measurement.
     *
     * @param steps steps timed
     * @param seconds wall time of the timed loop
     * @param cpuSeconds CPU time the process used meanwhile
     */
    public record Result(long steps, double seconds, double cpuSeconds) {
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
            DoublePointer ctrl = data.ctrl();
            long cpu = CpuClock.nanos();
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                if (nu > 0) {
                    ctrl.put(controls, i * nu, nu);
                }
                mj_step(m, d);
            }
            return new Result(steps, (System.nanoTime() - start) * 1e-9, (CpuClock.nanos() - cpu) * 1e-9);
        }
    }

    /** testspeed's CtrlNoise: centre + halfrange * noise * (2 * Halton(step, i + 2) - 1). */
    private static double[] controlSequence(mjModel m, int steps, double noise) {
        int nu = m.nu();
        double[] controls = new double[steps * nu];
        DoublePointer range = m.actuator_ctrlrange().capacity(2L * nu);
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < nu; i++) {
                double center = 0;
                double radius = 1;
                if (m.actuator_ctrllimited().get(i) != 0) {
                    center = (range.get(2L * i + 1) + range.get(2L * i)) / 2;
                    radius = (range.get(2L * i + 1) - range.get(2L * i)) / 2;
                }
                controls[step * nu + i] = center + radius * noise * (2 * mju_Halton(step, i + 2) - 1);
            }
        }
        return controls;
    }
}
