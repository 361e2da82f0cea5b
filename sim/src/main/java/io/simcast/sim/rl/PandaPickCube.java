package io.simcast.sim.rl;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Picking up the Panda preset's cube and carrying it to a target point in the air, with a staged reward in which
 * carrying pays only while the cube is held: a cube pushed along the table earns little, and targets sit above
 * push height (the lowest is 7.5 cm above a resting cube's centre, farther than the 5 cm of success). Per copy;
 * stepping thread only. The rules are in {@link #template()}'s description (and docs/RL.md).
 */
final class PandaPickCube implements Task {
    static final double SUCCESS_DISTANCE = 0.05;
    /** Below this height the cube has left the table (its top is at 0.4 m). */
    static final double FALLEN_HEIGHT = 0.3;
    /** The cube's centre when it rests on the table. */
    static final double CUBE_HEIGHT = 0.425;
    /** Held and at least this high above resting: lifted. */
    static final double LIFT_HEIGHT = 0.02;
    static final double REACH_WEIGHT = 1;
    static final double GRASP_BONUS = 0.25;
    static final double LIFT_BONUS = 1;
    static final double CARRY_WEIGHT = 2;
    static final double SUCCESS_BONUS = 2;
    static final String CUBE_OPTION = "cube";
    static final double[] TARGET_LOW = {0.4, -0.2, 0.5};
    static final double[] TARGET_HIGH = {0.6, 0.2, 0.7};
    static final double[] CUBE_LOW = {0.4, -0.15};
    static final double[] CUBE_HIGH = {0.6, 0.15};
    private static final double MAX_FINGER_OPENING = 0.04;

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("panda", "pick-cube", "Pick the cube and carry it to a target",
                "Grasp the cube and carry it to a target point 10 to 30 cm above the table. Observation: 7 joint"
                        + " angles, 7 joint velocities, 7 servo targets, finger opening, end-effector position, cube"
                        + " position, cube orientation (quaternion), cube velocity, target position, cube minus end"
                        + " effector, target minus cube; action: 7 servo target moves in [-1, 1] (0.05 rad per step)"
                        + " and the gripper opening in [-1, 1] (closed .. open). Reward: (1 - tanh(10 d(ee, cube)))"
                        + " + 0.25 if grasped (both finger pads touch the cube) + 1 if grasped and lifted 2 cm + 2 (1 -"
                        + " tanh(5 d(cube, target))) if grasped + 2 on success; terminated when the cube falls off the"
                        + " table; truncated after 150 steps (3 s); is_success when the cube is within 5 cm of the"
                        + " target.",
                Box.unbounded(44), Box.of(8, -1, 1), 10, 150, List.of(Target.OPTION, CUBE_OPTION), List.of(),
                "robosuite Lift's staged reward (reach 1 - tanh(10 d), grasp 0.25, lift 1; Zhu et al. 2020) with"
                        + " MuJoCo Playground PandaPickCube's carry term 1 - tanh(5 d), paid only while the cube is"
                        + " held, and a success bonus; targets in the air as in Gymnasium Robotics FetchPickAndPlace.");
        return new TaskTemplate(spec, TaskTemplate.addToWorld(Target.marker("0.9 0.6 0.1 0.5")),
                (physics, options) -> new PandaPickCube(physics));
    }

    private final PhysicsView physics;
    private final Arm arm;
    private final Target target;
    private final int gripper;
    private final int finger;
    private final int cubeQpos;
    private final int cubeQvel;
    private final int cubeGeom;
    private final int leftPad;
    private final int rightPad;
    private boolean grasped;

    private PandaPickCube(PhysicsView physics) {
        this.physics = physics;
        this.arm = new Arm(physics, ArmSpec.PANDA);
        this.target = new Target(physics, TARGET_LOW, TARGET_HIGH);
        this.gripper = physics.actuator("gripper");
        this.finger = physics.qposAddress("finger_joint1");
        this.cubeQpos = physics.qposAddress("cube");
        this.cubeQvel = physics.dofAddress("cube");
        this.cubeGeom = physics.geom("cube");
        this.leftPad = physics.geom("left_finger_pad");
        this.rightPad = physics.geom("right_finger_pad");
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        arm.start(random);
        double[] cube = options.vector(CUBE_OPTION, CUBE_LOW, CUBE_HIGH);
        physics.qpos.put(cubeQpos, cube != null ? cube[0] : random.nextDouble(CUBE_LOW[0], CUBE_HIGH[0]));
        physics.qpos.put(cubeQpos + 1, cube != null ? cube[1] : random.nextDouble(CUBE_LOW[1], CUBE_HIGH[1]));
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
        grasped = physics.touching(leftPad, cubeGeom) && physics.touching(rightPad, cubeGeom);
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

    private boolean lifted() {
        return grasped && cube(2) > CUBE_HEIGHT + LIFT_HEIGHT;
    }

    @Override
    public double reward(double[] action) {
        double reward = REACH_WEIGHT * (1 - Math.tanh(10 * gripToCube()));
        if (grasped) {
            reward += GRASP_BONUS + CARRY_WEIGHT * (1 - Math.tanh(5 * cubeToTarget()));
        }
        if (lifted()) {
            reward += LIFT_BONUS;
        }
        if (cubeToTarget() < SUCCESS_DISTANCE) {
            reward += SUCCESS_BONUS;
        }
        return reward;
    }

    @Override
    public boolean terminated() {
        return cube(2) < FALLEN_HEIGHT;
    }

    @Override
    public void info(Map<String, Object> info) {
        double distance = cubeToTarget();
        info.put("cube_to_target", distance);
        info.put("is_grasped", grasped);
        info.put("is_lifted", lifted());
        info.put("is_success", distance < SUCCESS_DISTANCE);
    }
}
