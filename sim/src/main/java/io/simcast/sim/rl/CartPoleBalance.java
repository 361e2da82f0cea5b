package io.simcast.sim.rl;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Cart-pole balancing, modelled on Gymnasium's CartPole-v1 with a continuous force: same observation order, reward
 * (+1 per step), 12-degree limit and 500-step episodes, so its "solved" level (mean return >= 475 over 100 episodes)
 * carries over. Per copy; stepping thread only. The rules are in {@link #template()}'s description (and
 * docs/RL.md).
 */
final class CartPoleBalance extends CartPoleTask {
    static final double MAX_ANGLE = Math.toRadians(12);
    static final double MAX_POSITION = 1.4;
    /** CartPole-v1 draws every state value uniformly from [-0.05, 0.05]. */
    static final double START_NOISE = 0.05;

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("cartpole", "balance", "Balance",
                "Keep the pole upright. Observation [x, x_dot, theta, theta_dot]; action: cart force in [-1, 1]"
                        + " (20 N); reward +1 per step; terminated when |theta| > 12 deg or |x| > 1.4 m;"
                        + " truncated after 500 steps (10 s). Solved: mean return >= 475 over 100 episodes.",
                Box.unbounded(4), Box.of(1, -1, 1), 10, 500, List.of(), List.of(),
                "Gymnasium CartPole-v1 (Barto, Sutton and Anderson 1983): its observation order, start, reward,"
                        + " 12-degree limit and 500 steps; the force is continuous (-20..20 N) instead of two pushes,"
                        + " and the cart-pole is Simcast's preset at 50 Hz.");
        return new TaskTemplate(spec, xml -> xml, (physics, options) -> new CartPoleBalance(physics));
    }

    private CartPoleBalance(PhysicsView physics) {
        super(physics);
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        start(noise(random), noise(random), noise(random), noise(random));
    }

    private static double noise(RandomGenerator random) {
        return random.nextDouble(-START_NOISE, START_NOISE);
    }

    @Override
    public void observe(double[] observation) {
        observation[0] = x();
        observation[1] = xDot();
        observation[2] = theta();
        observation[3] = thetaDot();
    }

    @Override
    public double reward(double[] action) {
        return 1;
    }

    @Override
    public boolean terminated() {
        return Math.abs(theta()) > MAX_ANGLE || Math.abs(x()) > MAX_POSITION;
    }
}
