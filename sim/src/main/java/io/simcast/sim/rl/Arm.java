package io.simcast.sim.rl;

import java.util.random.RandomGenerator;

/**
 * One copy's arm as the arm tasks drive it. Actions move the position servos' targets: each action element in
 * [-1, 1] shifts its joint's target by up to {@value #MAX_TARGET_STEP} rad per environment step, within the
 * actuator's control range (so a zero action holds the arm where it is aimed). Stepping thread only.
 */
final class Arm {
    static final double MAX_TARGET_STEP = 0.05;
    static final double START_NOISE = 0.1;

    private final PhysicsView physics;
    private final int home;
    private final int site;
    private final int[] qpos;
    private final int[] qvel;
    private final int[] actuators;

    Arm(PhysicsView physics, ArmSpec spec) {
        this.physics = physics;
        this.home = physics.keyframe("home");
        this.site = physics.site(spec.endEffector());
        this.qpos = spec.joints().stream().mapToInt(physics::qposAddress).toArray();
        this.qvel = spec.joints().stream().mapToInt(physics::dofAddress).toArray();
        this.actuators = spec.actuators().stream().mapToInt(physics::actuator).toArray();
    }

    int dof() {
        return qpos.length;
    }

    /** The home keyframe with each joint moved by up to {@value #START_NOISE} rad, the servos aimed there. */
    void start(RandomGenerator random) {
        physics.resetToKeyframe(home);
        for (int j = 0; j < qpos.length; j++) {
            double angle = clampToControl(j, physics.qpos.get(qpos[j]) + random.nextDouble(-START_NOISE, START_NOISE));
            physics.qpos.put(qpos[j], angle);
            physics.ctrl.put(actuators[j], angle);
        }
    }

    /** Moves the servo targets by {@code action[from .. from + dof)}. */
    void moveTargets(double[] action, int from) {
        for (int j = 0; j < actuators.length; j++) {
            double target = physics.ctrl.get(actuators[j]) + MAX_TARGET_STEP * action[from + j];
            physics.ctrl.put(actuators[j], clampToControl(j, target));
        }
    }

    private double clampToControl(int j, double value) {
        return Math.clamp(value, physics.ctrlLow(actuators[j]), physics.ctrlHigh(actuators[j]));
    }

    /** Writes joint angles, joint velocities and servo targets (3 x dof) from {@code at}; returns the next index. */
    int observe(double[] observation, int at) {
        for (int j = 0; j < qpos.length; j++) {
            observation[at + j] = physics.qpos.get(qpos[j]);
            observation[at + dof() + j] = physics.qvel.get(qvel[j]);
            observation[at + 2 * dof() + j] = physics.ctrl.get(actuators[j]);
        }
        return at + 3 * dof();
    }

    /** The end effector's world position, axis 0..2. */
    double endEffector(int axis) {
        return physics.siteXpos.get(3 * site + axis);
    }
}
