package io.simcast.sim.rl;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Cart-pole swing-up with dm_control's smooth reward (upright x centred x small control x small velocity). Per
 * copy; stepping thread only. The rules are in {@link #template()}'s description (and docs/RL.md).
 */
final class CartPoleSwingUp extends CartPoleTask {

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("cartpole", "swing-up", "Swing-up",
                "Swing the hanging pole up and hold it there. Observation [x, x_dot, cos theta, sin theta,"
                        + " theta_dot]; action: cart force in [-1, 1] (20 N); reward in [0, 1]: upright x centred x"
                        + " small control x small velocity; never terminated; truncated after 1000 steps (20 s).",
                Box.unbounded(5), Box.of(1, -1, 1), 10, 1000, List.of());
        return new TaskTemplate(spec, xml -> xml, CartPoleSwingUp::new);
    }

    private CartPoleSwingUp(PhysicsView physics) {
        super(physics);
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        start(random, Math.PI);
    }

    @Override
    public void observe(double[] observation) {
        observation[0] = x();
        observation[1] = xDot();
        observation[2] = Math.cos(theta());
        observation[3] = Math.sin(theta());
        observation[4] = thetaDot();
    }

    @Override
    public double reward(double[] action) {
        double upright = (1 + Math.cos(theta())) / 2;
        double centred = (1 + Math.exp(-x() * x())) / 2;
        double smallControl = (4 + 1 - action[0] * action[0]) / 5;
        double smallVelocity = (1 + Math.exp(-thetaDot() * thetaDot() / 25)) / 2;
        return upright * centred * smallControl * smallVelocity;
    }

    @Override
    public boolean terminated() {
        return false;
    }
}
