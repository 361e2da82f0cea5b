package io.simcast.bench;

import io.simcast.sim.rl.ResetOptions;
import io.simcast.sim.rl.VectorEnv;
import java.util.SplittableRandom;

/**
 * Environment steps per second of a {@link VectorEnv} stepped in process with uniformly random actions (episodes
 * end and autoreset as in training), the number docs/PERFORMANCE.md sets against raw {@code mj_step}
 * ({@link PhysicsBenchmark}) on the same model. Runs on the calling thread (plus the environment's lanes).
 */
public final class RlBenchmark {
    /** Distinct action batches cycled through, drawn before timing so the agent's side costs nothing. */
    private static final int ACTION_BATCHES = 64;

    private RlBenchmark() {}

    /**
     * One measurement.
     *
     * @param copies environment copies
     * @param threads threads stepping them
     * @param frameSkip physics steps per environment step
     * @param envSteps environment steps timed, all copies together
     * @param seconds wall time of the timed loop
     * @param cpuSeconds CPU time the process used meanwhile (the lanes' threads included)
     */
    public record Result(int copies, int threads, int frameSkip, long envSteps, double seconds, double cpuSeconds) {
        public double envStepsPerSecond() {
            return envSteps / seconds;
        }

        public double physicsStepsPerSecond() {
            return envStepsPerSecond() * frameSkip;
        }

        public double physicsStepsPerCpuSecond() {
            return envSteps * frameSkip / cpuSeconds;
        }
    }

    /** Warms up with a tenth of the steps, then times {@code vectorSteps} vector steps of {@code copies} copies. */
    public static Result run(String robot, String task, int copies, int threads, long vectorSteps) {
        try (VectorEnv env = VectorEnv.create(robot, task, 1L, copies, null, threads)) {
            SplittableRandom random = new SplittableRandom(2);
            double[][] batches = new double[ACTION_BATCHES][];
            for (int b = 0; b < ACTION_BATCHES; b++) {
                batches[b] = new double[copies * env.singleActionSpace().size()];
                for (int i = 0; i < copies; i++) {
                    double[] action = env.singleActionSpace().sample(random);
                    System.arraycopy(action, 0, batches[b], i * action.length, action.length);
                }
            }
            env.reset(null, ResetOptions.NONE);
            loop(env, batches, Math.max(1, vectorSteps / 10));
            long cpu = CpuClock.nanos();
            long start = System.nanoTime();
            loop(env, batches, vectorSteps);
            double seconds = (System.nanoTime() - start) * 1e-9;
            return new Result(copies, env.threads(), env.spec().frameSkip(), vectorSteps * copies, seconds,
                    (CpuClock.nanos() - cpu) * 1e-9);
        }
    }

    private static void loop(VectorEnv env, double[][] batches, long steps) {
        for (long t = 0; t < steps; t++) {
            env.step(batches[(int) (t % batches.length)]);
        }
    }
}
