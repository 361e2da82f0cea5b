package io.simcast.sim.rl;

/**
 * How much RL work a host takes at once, checked before anything is allocated: a host setting (serve
 * {@code --rl-max-environments}, {@code --rl-max-copies}, {@code --rl-max-num-envs} or the environment variables of
 * the same names), so that the words of each refusal can say how to raise it. Immutable.
 *
 * @param maxEnvironments environments open at once
 * @param maxCopies copies open at once, all environments together (each holds 3-4 MB of MuJoCo data)
 * @param maxNumEnvs copies of one environment
 * @param maxRenderedCopies copies drawn at once, for viewers and for {@code rgb_array} frames (each needs a renderer
 *     with a GL context and a thread of its own)
 */
public record RlLimits(int maxEnvironments, int maxCopies, int maxNumEnvs, int maxRenderedCopies) {
    /** 32 environments, 1024 copies, 256 copies per environment, 4 copies drawn. */
    public static final RlLimits DEFAULT = new RlLimits(32, 1024, 256, 4);
    /** Steps per episode. */
    static final int MAX_EPISODE_STEPS = 1_000_000;
    /** The largest value any of the limits may be set to. */
    public static final int CEILING = 1 << 16;

    public RlLimits {
        check("RL_MAX_ENVIRONMENTS", maxEnvironments);
        check("RL_MAX_COPIES", maxCopies);
        check("RL_MAX_NUM_ENVS", maxNumEnvs);
        check("RL_MAX_RENDERED_COPIES", maxRenderedCopies);
    }

    private static void check(String name, int value) {
        if (value < 1 || value > CEILING) {
            throw new IllegalArgumentException(RlMessages.limitOutOfRange(name, value, CEILING));
        }
    }

    void checkNumEnvs(int numEnvs) {
        if (numEnvs < 1 || numEnvs > maxNumEnvs) {
            throw new IllegalArgumentException(RlMessages.numEnvsOutOfRange(numEnvs, maxNumEnvs));
        }
    }

    /** The episode limit to use: the task's default when not given. */
    static int maxEpisodeSteps(Integer requested, TaskSpec spec) {
        if (requested == null) {
            return spec.maxEpisodeSteps();
        }
        if (requested < 1 || requested > MAX_EPISODE_STEPS) {
            throw new IllegalArgumentException(RlMessages.maxEpisodeStepsOutOfRange(requested, MAX_EPISODE_STEPS));
        }
        return requested;
    }
}
