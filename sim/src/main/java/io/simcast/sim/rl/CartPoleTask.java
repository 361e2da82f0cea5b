package io.simcast.sim.rl;

/**
 * What the cart-pole tasks share: where the preset keeps its state (joints {@code slider}, the cart position in m,
 * and {@code hinge}, the pole angle in rad with 0 upright; motor {@code slide}, ctrl -1..1 = -20..20 N; keyframe
 * {@code home}), episode starts, and the action (the motor command). Per copy; stepping thread only.
 */
abstract class CartPoleTask implements Task {
    private final PhysicsView physics;
    private final int cart;
    private final int cartVelocity;
    private final int pole;
    private final int poleVelocity;
    private final int motor;
    private final int home;

    CartPoleTask(PhysicsView physics) {
        this.physics = physics;
        this.cart = physics.qposAddress("slider");
        this.cartVelocity = physics.dofAddress("slider");
        this.pole = physics.qposAddress("hinge");
        this.poleVelocity = physics.dofAddress("hinge");
        this.motor = physics.actuator("slide");
        this.home = physics.keyframe("home");
    }

    /** Home, then the cart at {@code x} and the pole at {@code theta} with the given velocities. */
    void start(double x, double xDot, double theta, double thetaDot) {
        physics.resetToKeyframe(home);
        physics.qpos.put(cart, x);
        physics.qvel.put(cartVelocity, xDot);
        physics.qpos.put(pole, theta);
        physics.qvel.put(poleVelocity, thetaDot);
    }

    /** The motor command of the last action, in [-1, 1]. */
    double control() {
        return physics.ctrl.get(motor);
    }

    /** The action is the motor command. */
    @Override
    public void applyAction(double[] action) {
        physics.ctrl.put(motor, action[0]);
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
}
