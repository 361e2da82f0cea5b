package io.simcast.sim.rl;

import java.util.Map;

/**
 * Everything that decides how one environment copy goes on: MuJoCo's whole simulation state (what MuJoCo 3 calls the
 * full state plus the solver's warm start, applied forces and mocap poses; {@code mj_resetData} sets exactly these),
 * the episode's step count and the task's own memory (a commanded velocity, the previous action). Read with
 * {@link VectorEnv#state(int)} and put back with {@link VectorEnv#setState(int, CopyState)} to replay or debug a
 * moment; the copy's random generator is not part of it (later noise and resets continue the generator).
 * Arrays are MuJoCo's sizes; {@code xfrcApplied} is nbody x 6 and the mocap arrays nmocap x 3 and x 4, row after row.
 * Immutable once built (the arrays are not copied: do not change them).
 *
 * @param time simulated seconds
 * @param elapsedSteps environment steps taken in this episode (truncation counts from it)
 * @param task the task's named values
 */
public record CopyState(double time, double[] qpos, double[] qvel, double[] act, double[] ctrl, double[] qaccWarmstart,
                        double[] qfrcApplied, double[] xfrcApplied, double[] mocapPos, double[] mocapQuat,
                        double[] userdata, int elapsedSteps, Map<String, double[]> task) {
    public CopyState {
        task = task == null ? Map.of() : Map.copyOf(task);
    }
}
