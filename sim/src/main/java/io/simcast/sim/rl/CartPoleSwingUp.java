package io.simcast.sim.rl;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Cart-pole swing-up with dm_control's smooth reward, term for term (upright x centred x small control x small
 * velocity, each a {@code rewards.tolerance} as dm_control's {@code cartpole.Balance} computes it), and its start
 * distribution. Per copy; stepping thread only. The rules are in {@link #template()}'s description (and docs/RL.md).
 */
final class CartPoleSwingUp extends CartPoleTask {
    /** dm_control's tolerance() default: the value of a Gaussian term at its margin. */
    private static final double VALUE_AT_MARGIN = 0.1;
    private static final double CART_MARGIN = 2;
    private static final double VELOCITY_MARGIN = 5;
    /** dm_control's start: N(0, 0.01^2) on every position and velocity, the pole hanging. */
    private static final double START_DEVIATION = 0.01;

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("cartpole", "swing-up", "Swing-up",
                "Swing the hanging pole up and hold it there. Observation [x, x_dot, cos theta, sin theta,"
                        + " theta_dot]; action: cart force in [-1, 1] (20 N); reward in [0, 1], dm_control's:"
                        + " (1 + cos theta)/2 x (1 + 0.1^((x/2)^2))/2 x (4 + 1 - u^2)/5 x (1 + 0.1^((theta_dot/5)^2))/2;"
                        + " never terminated; truncated after 1000 steps (20 s).",
                Box.unbounded(5), Box.of(1, -1, 1), 10, 1000, List.of(), List.of(),
                "dm_control cartpole swingup (Tassa et al. 2018): the same smooth reward, term for term, and the"
                        + " same start distribution; the dynamics are Simcast's cart-pole preset (20 N motor, 1.5 m"
                        + " rail) at 50 Hz for 1000 steps instead of dm_control's 100 Hz model.");
        return new TaskTemplate(spec, xml -> xml, (physics, options) -> new CartPoleSwingUp(physics));
    }

    private CartPoleSwingUp(PhysicsView physics) {
        super(physics);
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        start(START_DEVIATION * random.nextGaussian(), START_DEVIATION * random.nextGaussian(),
                Math.PI + START_DEVIATION * random.nextGaussian(), START_DEVIATION * random.nextGaussian());
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
        double upright = (Math.cos(theta()) + 1) / 2;
        double centred = (1 + gaussianTolerance(x(), CART_MARGIN)) / 2;
        double u = control();
        double smallControl = (4 + (Math.abs(u) < 1 ? 1 - u * u : 0)) / 5;
        double smallVelocity = (1 + gaussianTolerance(thetaDot(), VELOCITY_MARGIN)) / 2;
        return upright * smallControl * smallVelocity * centred;
    }

    /** dm_control's {@code rewards.tolerance(x, bounds=(0, 0), margin)} with its Gaussian sigmoid. */
    static double gaussianTolerance(double x, double margin) {
        double scaled = x / margin;
        return Math.pow(VALUE_AT_MARGIN, scaled * scaled);
    }

    @Override
    public boolean terminated() {
        return false;
    }
}
