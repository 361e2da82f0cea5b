package io.simcast.sim.rl;

/**
 * A deterministic linear policy for one-dimensional actions: action = clip(w . observation + b, low, high).
 * Parameters are [w..., b]. Test helper; any thread.
 */
record LinearPolicy(double[] parameters) {

    static int parameterCount(int observationSize) {
        return observationSize + 1;
    }

    double act(double[] observation, Box actionSpace) {
        double sum = parameters[observation.length];
        for (int i = 0; i < observation.length; i++) {
            sum += parameters[i] * observation[i];
        }
        return Math.clamp(sum, actionSpace.low()[0], actionSpace.high()[0]);
    }

    /**
     * Runs one policy per copy of {@code env} for one episode each, from {@code reset(seed)}, and returns the
     * episode returns (copy i runs policies[i]).
     */
    static double[] episodeReturns(VectorEnv env, LinearPolicy[] policies, long seed) {
        int n = env.numEnvs();
        double[] returns = new double[n];
        boolean[] finished = new boolean[n];
        double[][] observations = env.reset(seed, ResetOptions.NONE).observations();
        int running = n;
        double[][] actions = new double[n][1];
        while (running > 0) {
            for (int i = 0; i < n; i++) {
                actions[i][0] = policies[i].act(observations[i], env.singleActionSpace());
            }
            VectorEnv.Step step = env.step(actions);
            for (int i = 0; i < n; i++) {
                if (!finished[i]) {
                    returns[i] += step.rewards()[i];
                    if (step.terminated()[i] || step.truncated()[i]) {
                        finished[i] = true;
                        running--;
                    }
                }
            }
            observations = step.observations();
        }
        return returns;
    }
}
