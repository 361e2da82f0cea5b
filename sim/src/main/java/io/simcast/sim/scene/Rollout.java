package io.simcast.sim.scene;

import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.core.SimData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scene from its initial state (keyframe 0, or the reference pose) for a number of unpaced steps on the
 * calling thread, with the keyframe's controls held, and reports the final state. Used by {@code simcast step}, the
 * preset checks and scene validation; the live simulation is {@link Simulation}.
 */
public final class Rollout {
    private Rollout() {}

    /**
     * The outcome of a rollout.
     *
     * @param steps steps actually taken (fewer than asked when the state went bad)
     * @param time final simulation time
     * @param qpos final positions
     * @param qvel final velocities
     * @param warnings MuJoCo's warnings during the run (e.g. instability)
     * @param maxAbsPosition largest |qpos| seen at any step, a blow-up detector
     */
    public record Result(long steps, double time, double[] qpos, double[] qvel, List<String> warnings,
                         double maxAbsPosition) {
        /** No NaN, no infinity, no MuJoCo warning. */
        public boolean stable() {
            return warnings.isEmpty() && Double.isFinite(maxAbsPosition);
        }
    }

    /** Runs {@code steps} steps of a fresh copy of the scene's state; the scene itself is not touched. */
    public static Result run(Scene scene, long steps) {
        MuJoCoLibrary.drainWarnings();
        try (SimData data = new SimData(scene.model())) {
            mjModel m = scene.model().pointer();
            mjData d = data.pointer();
            data.resetToInitialState();
            List<String> warnings = new ArrayList<>(MuJoCoLibrary.drainWarnings());
            double[] qpos = new double[scene.model().nq()];
            double maxAbs = 0;
            long taken = 0;
            while (taken < steps) {
                mj_step(m, d);
                taken++;
                data.qpos().get(qpos);
                for (double q : qpos) {
                    maxAbs = Double.isNaN(q) ? Double.NaN : Math.max(maxAbs, Math.abs(q));
                }
                warnings.addAll(MuJoCoLibrary.drainWarnings());
                if (!warnings.isEmpty() || Double.isNaN(maxAbs) || Double.isInfinite(maxAbs)) {
                    break;
                }
            }
            return new Result(taken, data.time(), data.qpos().copy(), data.qvel().copy(), List.copyOf(warnings),
                    maxAbs);
        }
    }
}
