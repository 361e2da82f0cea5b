package io.simcast.sim.bench;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetDataKeyframe;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.physics.SimData;
import io.simcast.sim.scene.Scene;
import java.util.Random;

/**
 * Steps per second of raw {@code mj_step} from Java, measured the way MuJoCo's {@code testspeed} measures it: one
 * thread, the same number of steps, fresh pseudo-random control noise before every step, wall time of the loop.
 */
public final class PhysicsBenchmark {
    private PhysicsBenchmark() {}

    /**
     * One measurement.
     *
     * @param steps steps timed
     * @param seconds wall time of the timed loop
     */
    public record Result(long steps, double seconds) {
        public double stepsPerSecond() {
            return steps / seconds;
        }
    }

    /** Warms up with a tenth of the steps, then times {@code steps} steps. */
    public static Result run(Scene scene, long steps, double controlNoise) {
        try (SimData data = new SimData(scene.model())) {
            mjModel m = scene.model().pointer();
            mjData d = data.pointer();
            Random random = new Random(1);
            double[] ctrl = new double[scene.model().nu()];
            loop(m, d, data, ctrl, random, controlNoise, Math.max(1, steps / 10));
            long start = System.nanoTime();
            loop(m, d, data, ctrl, random, controlNoise, steps);
            return new Result(steps, (System.nanoTime() - start) * 1e-9);
        }
    }

    private static void loop(mjModel m, mjData d, SimData data, double[] ctrl, Random random, double noise,
                             long steps) {
        if (m.nkey() > 0) {
            mj_resetDataKeyframe(m, d, 0);
        } else {
            mj_resetData(m, d);
        }
        mj_forward(m, d);
        boolean inject = ctrl.length > 0 && noise > 0;
        for (long i = 0; i < steps; i++) {
            if (inject) {
                for (int j = 0; j < ctrl.length; j++) {
                    ctrl[j] = noise * random.nextGaussian();
                }
                data.ctrl().put(ctrl);
            }
            mj_step(m, d);
        }
    }
}
