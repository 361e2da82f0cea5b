package io.simcast.sim.rl;

import java.util.List;

/**
 * How the arm tasks drive one arm preset: its joints and their position actuators (same order), the end-effector
 * site, and the box (world frame, m) that targets are drawn from. Immutable.
 */
record ArmSpec(String robot, List<String> joints, List<String> actuators, String endEffector, double[] targetLow,
               double[] targetHigh) {

    /** Franka Panda on its table (base at z 0.4): targets in front of it, 0.1 to 0.4 m above the table top. */
    static final ArmSpec PANDA = new ArmSpec("panda",
            List.of("joint1", "joint2", "joint3", "joint4", "joint5", "joint6", "joint7"),
            List.of("actuator1", "actuator2", "actuator3", "actuator4", "actuator5", "actuator6", "actuator7"),
            "ee", new double[] {0.3, -0.3, 0.5}, new double[] {0.6, 0.3, 0.8});

    /** UR5e on its pedestal (base at z 0.5): targets above the work table in front of it. */
    static final ArmSpec UR5E = new ArmSpec("ur5e",
            List.of("shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2", "wrist_3"),
            List.of("shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2", "wrist_3"),
            "ee", new double[] {0.3, -0.3, 0.55}, new double[] {0.6, 0.3, 0.85});

    int dof() {
        return joints.size();
    }
}
