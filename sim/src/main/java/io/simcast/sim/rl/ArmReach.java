package io.simcast.sim.rl;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Reaching a target point with the end effector, for any {@link ArmSpec}; the target is a mocap marker
 * ({@link Target}). Per copy; stepping thread only. The rules are in {@link #template}'s description (and
 * docs/RL.md).
 */
final class ArmReach implements Task {
    static final double SUCCESS_DISTANCE = 0.05;

    static TaskTemplate template(ArmSpec arm) {
        int n = arm.dof();
        TaskSpec spec = new TaskSpec(arm.robot(), "reach", "Reach",
                "Bring the end effector (site ee) to a target point drawn each episode. Observation: " + n
                        + " joint angles, " + n + " joint velocities, " + n + " servo targets, end-effector"
                        + " position, target position, target minus end effector; action: " + n + " servo target"
                        + " moves in [-1, 1] (0.05 rad per step); reward -distance - 0.001 |action|^2; never"
                        + " terminated; truncated after 250 steps (5 s); is_success within 5 cm.",
                Box.unbounded(3 * n + 9), Box.of(n, -1, 1), 10, 250, List.of(Target.OPTION), List.of(),
                "Gymnasium Robotics FetchReach / panda-gym PandaReach (dense): reward -distance to a target drawn"
                        + " in a box, success within 5 cm; Simcast adds a small action cost and drives position-servo"
                        + " targets instead of end-effector displacements.");
        return new TaskTemplate(spec, TaskTemplate.addToWorld(Target.marker("0.2 0.9 0.2 0.5")),
                (physics, options) -> new ArmReach(physics, arm));
    }

    private final Arm arm;
    private final Target target;

    private ArmReach(PhysicsView physics, ArmSpec spec) {
        this.arm = new Arm(physics, spec);
        this.target = new Target(physics, spec.targetLow(), spec.targetHigh());
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        arm.start(random);
        target.place(random, options);
    }

    @Override
    public void applyAction(double[] action) {
        arm.moveTargets(action, 0);
    }

    @Override
    public void observe(double[] observation) {
        int at = arm.observe(observation, 0);
        for (int axis = 0; axis < 3; axis++) {
            observation[at + axis] = arm.endEffector(axis);
            observation[at + 3 + axis] = target.get(axis);
            observation[at + 6 + axis] = target.get(axis) - arm.endEffector(axis);
        }
    }

    private double distance() {
        return Points.distance(target::get, arm::endEffector);
    }

    @Override
    public double reward(double[] action) {
        double effort = 0;
        for (double a : action) {
            effort += a * a;
        }
        return -distance() - 0.001 * effort;
    }

    @Override
    public boolean terminated() {
        return false;
    }

    @Override
    public void info(Map<String, Object> info) {
        double distance = distance();
        info.put("distance", distance);
        info.put("is_success", distance < SUCCESS_DISTANCE);
    }
}
