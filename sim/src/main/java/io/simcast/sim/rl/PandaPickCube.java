package io.simcast.sim.rl;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Picking up the Panda preset's cube and carrying it to a target point in the air. Per copy; stepping thread only.
 * The rules are in {@link #template()}'s description (and docs/RL.md).
 */
final class PandaPickCube implements Task {
    static final double SUCCESS_DISTANCE = 0.05;
    /** Below this height the cube has left the table (its top is at 0.4 m). */
    static final double FALLEN_HEIGHT = 0.3;
    private static final double CUBE_HEIGHT = 0.425;
    private static final double[] TARGET_LOW = {0.4, -0.2, 0.45};
    private static final double[] TARGET_HIGH = {0.6, 0.2, 0.65};
    private static final double MAX_FINGER_OPENING = 0.04;

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("panda", "pick-cube", "Pick and place the cube",
                "Grasp the cube and carry it to a target point 5 to 25 cm above the table. Observation: 7 joint"
                        + " angles, 7 joint velocities, 7 servo targets, finger opening, end-effector position, cube"
                        + " position, cube orientation (quaternion), cube velocity, target position, cube minus end"
                        + " effector, target minus cube; action: 7 servo target moves in [-1, 1] (0.05 rad per step)"
                        + " and the gripper opening in [-1, 1] (closed .. open); reward (1 - tanh(5 d(ee, cube)))"
                        + " + 2 (1 - tanh(5 d(cube, target))); terminated when the cube falls off the table;"
                        + " truncated after 500 steps (10 s); is_success when the cube is within 5 cm of the target.",
                Box.unbounded(44), Box.of(8, -1, 1), 10, 500, List.of(Target.OPTION));
        return new TaskTemplate(spec, TaskTemplate.addToWorld(Target.marker("0.9 0.6 0.1 0.5")),
                PandaPickCube::new);
    }

    private final PhysicsView physics;
    private final Arm arm;
    private final Target target;
    private final int gripper;
    private final int finger;
    private final int cubeQpos;
    private final int cubeQvel;

    private PandaPickCube(PhysicsView physics) {
        this.physics = physics;
        this.arm = new Arm(physics, ArmSpec.PANDA);
        this.target = new Target(physics, TARGET_LOW, TARGET_HIGH);
        this.gripper = physics.actuator("gripper");
        this.finger = physics.qposAddress("finger_joint1");
        this.cubeQpos = physics.qposAddress("cube");
        this.cubeQvel = physics.dofAddress("cube");
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        arm.start(random);
        physics.qpos.put(cubeQpos, 0.5 + random.nextDouble(-0.1, 0.1));
        physics.qpos.put(cubeQpos + 1, random.nextDouble(-0.15, 0.15));
        physics.qpos.put(cubeQpos + 2, CUBE_HEIGHT);
        target.place(random, options);
    }

    @Override
    public void applyAction(double[] action) {
        arm.moveTargets(action, 0);
        physics.ctrl.put(gripper, MAX_FINGER_OPENING * (action[7] + 1) / 2);
    }

    @Override
    public void observe(double[] observation) {
        int at = arm.observe(observation, 0);
        observation[at++] = physics.qpos.get(finger);
        for (int axis = 0; axis < 3; axis++) {
            observation[at + axis] = arm.endEffector(axis);
            observation[at + 3 + axis] = cube(axis);
            observation[at + 10 + axis] = physics.qvel.get(cubeQvel + axis);
            observation[at + 13 + axis] = target.get(axis);
            observation[at + 16 + axis] = cube(axis) - arm.endEffector(axis);
            observation[at + 19 + axis] = target.get(axis) - cube(axis);
        }
        for (int i = 0; i < 4; i++) {
            observation[at + 6 + i] = physics.qpos.get(cubeQpos + 3 + i);
        }
    }

    private double cube(int axis) {
        return physics.qpos.get(cubeQpos + axis);
    }

    private double gripToCube() {
        return Points.distance(this::cube, arm::endEffector);
    }

    private double cubeToTarget() {
        return Points.distance(target::get, this::cube);
    }

    @Override
    public double reward(double[] action) {
        return (1 - Math.tanh(5 * gripToCube())) + 2 * (1 - Math.tanh(5 * cubeToTarget()));
    }

    @Override
    public boolean terminated() {
        return cube(2) < FALLEN_HEIGHT;
    }

    @Override
    public void info(Map<String, Object> info) {
        double distance = cubeToTarget();
        info.put("cube_to_target", distance);
        info.put("is_success", distance < SUCCESS_DISTANCE);
    }
}
