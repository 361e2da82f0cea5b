package io.simcast.sim.rl;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Cart-pole swing-up with dm_control's smooth reward (upright x centred x small control x small velocity). Per
 * copy; stepping thread only. The rules are in {@link #template()}'s description (and docs/RL.md).
 */
final class CartPoleSwingUp implements Task {

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("cartpole", "swing-up", "Swing-up",
                "Swing the hanging pole up and hold it there. Observation [x, x_dot, cos theta, sin theta,"
                        + " theta_dot]; action: cart force in [-1, 1] (20 N); reward in [0, 1]: upright x centred x"
                        + " small control x small velocity; never terminated; truncated after 1000 steps (20 s).",
                Box.unbounded(5), Box.of(1, -1, 1), 10, 1000, List.of());
        return new TaskTemplate(spec, xml -> xml, CartPoleSwingUp::new);
    }

    private final CartPoleJoints cartPole;

    private CartPoleSwingUp(PhysicsView physics) {
        this.cartPole = CartPoleJoints.of(physics);
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        cartPole.start(random, Math.PI);
    }

    @Override
    public void applyAction(double[] action) {
        cartPole.push(action[0]);
    }

    @Override
    public void observe(double[] observation) {
        observation[0] = cartPole.x();
        observation[1] = cartPole.xDot();
        observation[2] = Math.cos(cartPole.theta());
        observation[3] = Math.sin(cartPole.theta());
        observation[4] = cartPole.thetaDot();
    }

    @Override
    public double reward(double[] action) {
        double upright = (1 + Math.cos(cartPole.theta())) / 2;
        double centred = (1 + Math.exp(-cartPole.x() * cartPole.x())) / 2;
        double smallControl = (4 + 1 - action[0] * action[0]) / 5;
        double smallVelocity = (1 + Math.exp(-cartPole.thetaDot() * cartPole.thetaDot() / 25)) / 2;
        return upright * centred * smallControl * smallVelocity;
    }

    @Override
    public boolean terminated() {
        return false;
    }
}
