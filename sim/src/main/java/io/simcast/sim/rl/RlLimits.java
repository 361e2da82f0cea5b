package io.simcast.sim.rl;

/** How large an RL request may be, checked in one place before anything is allocated. Stateless. */
final class RlLimits {
    /** Copies per vector environment. */
    static final int MAX_NUM_ENVS = 256;
    /** Copies open at once in one {@link RlEnvironments}: each holds 3-4 MB of MuJoCo data. */
    static final int MAX_OPEN_COPIES = 1024;
    /** Steps per episode. */
    static final int MAX_EPISODE_STEPS = 1_000_000;
    /** Environments open at once in one {@link RlEnvironments}. */
    static final int MAX_OPEN_ENVIRONMENTS = 32;

    private RlLimits() {}

    static void checkNumEnvs(int numEnvs) {
        if (numEnvs < 1 || numEnvs > MAX_NUM_ENVS) {
            throw new IllegalArgumentException(RlMessages.numEnvsOutOfRange(numEnvs, MAX_NUM_ENVS));
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
