package io.simcast.sim.rl;

import java.util.random.RandomGenerator;

/**
 * Where the cart-pole preset keeps its state: joints {@code slider} (cart position, m) and {@code hinge} (pole
 * angle, rad, 0 = upright), the cart motor {@code slide} (ctrl -1..1 = -20..20 N) and keyframe {@code home}.
 * Read on the thread stepping the copy.
 */
record CartPoleJoints(PhysicsView physics, int cart, int cartVelocity, int pole, int poleVelocity, int motor,
                      int home) {
    static final double START_NOISE = 0.05;

    static CartPoleJoints of(PhysicsView physics) {
        return new CartPoleJoints(physics, physics.qposAddress("slider"), physics.dofAddress("slider"),
                physics.qposAddress("hinge"), physics.dofAddress("hinge"), physics.actuator("slide"),
                physics.keyframe("home"));
    }

    double x() {
        return physics.qpos.get(cart);
    }

    double xDot() {
        return physics.qvel.get(cartVelocity);
    }

    double theta() {
        return physics.qpos.get(pole);
    }

    double thetaDot() {
        return physics.qvel.get(poleVelocity);
    }

    /** Home with the pole at {@code theta}, then every state value moved by up to {@value #START_NOISE}. */
    void start(RandomGenerator random, double theta) {
        physics.resetToKeyframe(home);
        physics.qpos.put(cart, noise(random));
        physics.qvel.put(cartVelocity, noise(random));
        physics.qpos.put(pole, theta + noise(random));
        physics.qvel.put(poleVelocity, noise(random));
    }

    private static double noise(RandomGenerator random) {
        return random.nextDouble(-START_NOISE, START_NOISE);
    }

    /** The motor command, -1..1. */
    void push(double command) {
        physics.ctrl.put(motor, command);
    }
}
