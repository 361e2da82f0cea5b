package io.simcast.sim.rl;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * ANYmal following a velocity command (forward, sideways, turn) that is drawn again every few seconds, legged_gym
 * style: noisy observations without the base height, randomised starts, optional pushes, and a reward whose tracking
 * part is a product, so that standing still earns far less than walking. Per copy; stepping thread only. The rules
 * are in {@link #template()}'s description and docs/RL.md; {@link Reward} is the formula alone.
 */
final class AnymalWalk implements Task {
    static final List<String> JOINTS = List.of("LF_HAA", "LF_HFE", "LF_KFE", "RF_HAA", "RF_HFE", "RF_KFE",
            "LH_HAA", "LH_HFE", "LH_KFE", "RH_HAA", "RH_HFE", "RH_KFE");
    static final List<String> FEET = List.of("LF_foot", "RF_foot", "LH_foot", "RH_foot");
    static final String SPEED_OPTION = "speed";
    static final String COMMAND_OPTION = "command";
    static final String NOISE_OPTION = "observation_noise";
    static final String PUSH_OPTION = "push_velocity";
    static final String PUSH_INTERVAL_OPTION = "push_interval";
    /** Radians of servo target offset from the standing pose per unit of action. */
    static final double ACTION_SCALE = 0.5;
    static final double MIN_HEIGHT = 0.3;
    /** Fallen when the base's z axis points less than 60 degrees from up (cos 60 = 0.5). */
    static final double MIN_UPRIGHTNESS = 0.5;
    static final int OBSERVATION_SIZE = 48;
    /** Where the command sits in the observation (vx, vy, yaw rate). */
    static final int COMMAND_AT = 45;
    /** A new command every 5 s (250 steps), unless a reset option fixed it. */
    static final int RESAMPLE_STEPS = 250;
    /** Commands are drawn from these ranges: forward m/s, sideways m/s, yaw rad/s. */
    static final double[] COMMAND_LOW = {0.5, -0.3, -0.5};
    static final double[] COMMAND_HIGH = {1.0, 0.3, 0.5};
    /** What a reset option may ask for. */
    static final double[] ALLOWED_LOW = {-1.0, -1.0, -1.5};
    static final double[] ALLOWED_HIGH = {1.5, 1.0, 1.5};
    /** legged_gym's noise scales at noise level 1: gravity, linear and angular velocity, joint angle and speed. */
    private static final double GRAVITY_NOISE = 0.05;
    private static final double LINEAR_NOISE = 0.1;
    private static final double ANGULAR_NOISE = 0.2;
    private static final double JOINT_NOISE = 0.01;
    private static final double JOINT_SPEED_NOISE = 1.5;
    private static final double START_JOINT_NOISE = 0.1;
    private static final double START_VELOCITY_NOISE = 0.2;
    /** A foot is on the ground when its sphere's centre is this low (radius 0.03 m plus 5 mm). */
    private static final double FOOT_CONTACT_HEIGHT = 0.035;
    private static final int N = 12;
    private static final int FRAME_SKIP = 10;

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("anymal", "walk", "Walk on command",
                "Follow a velocity command (forward 0.5..1.0 m/s, sideways -0.3..0.3 m/s, turn -0.5..0.5 rad/s) drawn"
                        + " again every 5 s, or fixed by the reset option command [vx, vy, yaw] (or speed for forward"
                        + " only). Observation (noisy; task option observation_noise, default 1): gravity in the base"
                        + " frame, base linear and angular velocity in the base frame, 12 joint angles minus the"
                        + " standing pose, 12 joint velocities, the previous action, the command; no base height."
                        + " Action: 12 servo targets in [-1, 1] = standing pose +- 0.5 rad. Reward: exp(-|v_xy -"
                        + " c_xy|^2/0.25) (1 + 0.5 exp(-(yaw rate - c_yaw)^2/0.25)) + feet air time - 2 v_z^2 - 0.05"
                        + " (roll rate^2 + pitch rate^2) - |gravity_xy|^2 - 1e-5 torque^2 - 1e-4 |power| - 0.01"
                        + " |action change|^2. Starts randomised (joints, heading, velocities); pushes with task"
                        + " option push_velocity. Terminated when the base is below 0.3 m or tilted more than 60"
                        + " degrees; truncated after 1000 steps (20 s).",
                Box.unbounded(OBSERVATION_SIZE), Box.of(N, -1, 1), FRAME_SKIP, 1000, List.of(COMMAND_OPTION, SPEED_OPTION),
                List.of(NOISE_OPTION, PUSH_OPTION, PUSH_INTERVAL_OPTION),
                "legged_gym (Rudin et al. 2022, 'Learning to Walk in Minutes'): its command ranges' kind, resampling,"
                        + " observation noise scales, tracking kernels exp(-e^2/0.25), penalty terms and pushes; the"
                        + " two tracking kernels are multiplied instead of added, so that turning on the spot without"
                        + " walking earns little, and rewards are per step (not scaled by dt).");
        return new TaskTemplate(spec, xml -> xml, AnymalWalk::new);
    }

    /**
     * The reward formula on its own, for one step's measurements (velocities in the base frame), so that its
     * properties can be checked apart from the physics.
     */
    static final class Reward {
        static final double SIGMA = 0.25;

        private Reward() {}

        /** How well the base follows the command: 1.5 when it does exactly, little when it stands still. */
        static double tracking(double vx, double vy, double yawRate, double[] command) {
            double linear = (vx - command[0]) * (vx - command[0]) + (vy - command[1]) * (vy - command[1]);
            double turning = (yawRate - command[2]) * (yawRate - command[2]);
            return Math.exp(-linear / SIGMA) * (1 + 0.5 * Math.exp(-turning / SIGMA));
        }

        /** Penalties: bouncing, wobbling, tilting, torque, mechanical power, jerky actions. */
        static double penalties(double vz, double rollRate, double pitchRate, double tiltSquared, double torqueSquared,
                                double power, double actionChange) {
            return 2 * vz * vz + 0.05 * (rollRate * rollRate + pitchRate * pitchRate) + tiltSquared
                    + 1e-5 * torqueSquared + 1e-4 * power + 0.01 * actionChange;
        }
    }

    private final PhysicsView physics;
    private final int home;
    private final int base;
    private final int baseVelocity;
    private final int[] qpos = new int[N];
    private final int[] qvel = new int[N];
    private final int[] actuators = new int[N];
    private final int[] feet = new int[FEET.size()];
    private final double[] standingPose = new double[N];
    private final double[] standingControl = new double[N];
    private final double noise;
    private final double pushVelocity;
    private final int pushSteps;
    private final double stepSeconds;
    private final double[] vector = new double[3];
    // Memory: what the task keeps between steps (see memory()).
    private final double[] action = new double[N];
    private final double[] previousAction = new double[N];
    private final double[] command = new double[3];
    private final double[] airTime = new double[FEET.size()];
    private final double[] contact = new double[FEET.size()];
    private final double[] counters = new double[3]; // steps since the command, steps since a push, 1 = fixed command
    private double gait;
    private RandomGenerator random;

    private AnymalWalk(PhysicsView physics, ResetOptions options) {
        this.physics = physics;
        this.home = physics.keyframe("home");
        this.base = physics.qposAddress("base");
        this.baseVelocity = physics.dofAddress("base");
        for (int j = 0; j < N; j++) {
            qpos[j] = physics.qposAddress(JOINTS.get(j));
            qvel[j] = physics.dofAddress(JOINTS.get(j));
            actuators[j] = physics.actuator(JOINTS.get(j));
            standingPose[j] = physics.keyQpos(home, qpos[j]);
            standingControl[j] = physics.keyCtrl(home, actuators[j]);
        }
        for (int f = 0; f < feet.length; f++) {
            feet[f] = physics.geom(FEET.get(f));
        }
        this.noise = options.number(NOISE_OPTION, 0, 10, 1);
        this.pushVelocity = options.number(PUSH_OPTION, 0, 3, 0);
        this.stepSeconds = physics.timestep() * FRAME_SKIP;
        this.pushSteps = (int) Math.round(options.number(PUSH_INTERVAL_OPTION, 0.5, 60, 4) / stepSeconds);
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        this.random = random;
        physics.resetToKeyframe(home);
        for (int j = 0; j < N; j++) {
            physics.qpos.put(qpos[j], standingPose[j] + random.nextDouble(-START_JOINT_NOISE, START_JOINT_NOISE));
        }
        double heading = random.nextDouble(-Math.PI, Math.PI); // about z: quaternion (cos h/2, 0, 0, sin h/2)
        physics.qpos.put(base + 3, Math.cos(heading / 2));
        physics.qpos.put(base + 6, Math.sin(heading / 2));
        for (int axis = 0; axis < 6; axis++) {
            physics.qvel.put(baseVelocity + axis, random.nextDouble(-START_VELOCITY_NOISE, START_VELOCITY_NOISE));
        }
        double[] fixed = options.vector(COMMAND_OPTION, ALLOWED_LOW, ALLOWED_HIGH);
        double[] speed = options.vector(SPEED_OPTION, new double[] {0}, new double[] {ALLOWED_HIGH[0]});
        if (fixed == null && speed != null) {
            fixed = new double[] {speed[0], 0, 0};
        }
        if (fixed != null) {
            System.arraycopy(fixed, 0, command, 0, 3);
        } else {
            drawCommand();
        }
        counters[0] = 0;
        counters[1] = 0;
        counters[2] = fixed != null ? 1 : 0;
        Arrays.fill(action, 0);
        Arrays.fill(previousAction, 0);
        Arrays.fill(airTime, 0);
        Arrays.fill(contact, 1);
        gait = 0;
    }

    private void drawCommand() {
        for (int i = 0; i < 3; i++) {
            command[i] = random.nextDouble(COMMAND_LOW[i], COMMAND_HIGH[i]);
        }
    }

    @Override
    public void applyAction(double[] next) {
        System.arraycopy(action, 0, previousAction, 0, N);
        System.arraycopy(next, 0, action, 0, N);
        for (int j = 0; j < N; j++) {
            double target = standingControl[j] + ACTION_SCALE * next[j];
            physics.ctrl.put(actuators[j], Math.clamp(target, physics.ctrlLow(actuators[j]),
                    physics.ctrlHigh(actuators[j])));
        }
        if (counters[2] == 0 && ++counters[0] >= RESAMPLE_STEPS) {
            counters[0] = 0;
            drawCommand();
        }
        if (pushVelocity > 0 && ++counters[1] >= pushSteps) {
            counters[1] = 0;
            physics.qvel.put(baseVelocity, physics.qvel.get(baseVelocity) + random.nextDouble(-pushVelocity,
                    pushVelocity));
            physics.qvel.put(baseVelocity + 1, physics.qvel.get(baseVelocity + 1) + random.nextDouble(-pushVelocity,
                    pushVelocity));
        }
    }

    /** Called first after every step and reset: the feet's air times and the gait reward of this step. */
    private void trackFeet() {
        gait = 0;
        boolean moving = Math.hypot(command[0], command[1]) > 0.1;
        for (int f = 0; f < feet.length; f++) {
            boolean down = physics.geomXpos.get(3 * feet[f] + 2) < FOOT_CONTACT_HEIGHT;
            airTime[f] += stepSeconds;
            if (down && contact[f] == 0 && moving) {
                gait += airTime[f] - 0.2; // legged_gym's first-contact air time, with a 0.2 s threshold for a trot
            }
            if (down) {
                airTime[f] = 0;
            }
            contact[f] = down ? 1 : 0;
        }
    }

    @Override
    public void observe(double[] observation) {
        trackFeet();
        toBaseFrame(0, 0, -1);
        for (int axis = 0; axis < 3; axis++) {
            observation[axis] = vector[axis] + noise(GRAVITY_NOISE);
        }
        linearVelocity();
        for (int axis = 0; axis < 3; axis++) {
            observation[3 + axis] = vector[axis] + noise(LINEAR_NOISE);
            observation[6 + axis] = physics.qvel.get(baseVelocity + 3 + axis) + noise(ANGULAR_NOISE); // body frame
        }
        for (int j = 0; j < N; j++) {
            observation[9 + j] = physics.qpos.get(qpos[j]) - standingPose[j] + noise(JOINT_NOISE);
            observation[21 + j] = physics.qvel.get(qvel[j]) + noise(JOINT_SPEED_NOISE);
        }
        System.arraycopy(action, 0, observation, 33, N);
        System.arraycopy(command, 0, observation, COMMAND_AT, 3);
    }

    /** Uniform noise of the given scale times the noise level; no draw at all when the level is 0. */
    private double noise(double scale) {
        return noise == 0 ? 0 : noise * scale * random.nextDouble(-1, 1);
    }

    @Override
    public double reward(double[] ignored) {
        toBaseFrame(0, 0, -1);
        double tilt = vector[0] * vector[0] + vector[1] * vector[1];
        linearVelocity();
        double roll = physics.qvel.get(baseVelocity + 3);
        double pitch = physics.qvel.get(baseVelocity + 4);
        double yaw = physics.qvel.get(baseVelocity + 5);
        double torque = 0;
        double power = 0;
        double actionChange = 0;
        for (int j = 0; j < N; j++) {
            double force = physics.actuatorForce.get(actuators[j]);
            torque += force * force;
            power += Math.abs(force * physics.qvel.get(qvel[j]));
            double change = action[j] - previousAction[j];
            actionChange += change * change;
        }
        return Reward.tracking(vector[0], vector[1], yaw, command) + gait
                - Reward.penalties(vector[2], roll, pitch, tilt, torque, power, actionChange);
    }

    @Override
    public boolean terminated() {
        toBaseFrame(0, 0, -1);
        return physics.qpos.get(base + 2) < MIN_HEIGHT || -vector[2] < MIN_UPRIGHTNESS;
    }

    @Override
    public void info(Map<String, Object> info) {
        linearVelocity();
        info.put("forward_velocity", vector[0]);
        info.put("lateral_velocity", vector[1]);
        info.put("yaw_rate", physics.qvel.get(baseVelocity + 5));
        info.put("commanded_speed", command[0]);
        info.put("commanded_lateral", command[1]);
        info.put("commanded_yaw_rate", command[2]);
    }

    @Override
    public Map<String, double[]> memory() {
        Map<String, double[]> memory = new LinkedHashMap<>();
        memory.put("action", action.clone());
        memory.put("previous_action", previousAction.clone());
        memory.put("command", command.clone());
        memory.put("air_time", airTime.clone());
        memory.put("contact", contact.clone());
        memory.put("counters", counters.clone());
        return memory;
    }

    @Override
    public void restore(Map<String, double[]> memory) {
        Task.requireSameShape(memory(), memory);
        System.arraycopy(memory.get("action"), 0, action, 0, N);
        System.arraycopy(memory.get("previous_action"), 0, previousAction, 0, N);
        System.arraycopy(memory.get("command"), 0, command, 0, 3);
        System.arraycopy(memory.get("air_time"), 0, airTime, 0, airTime.length);
        System.arraycopy(memory.get("contact"), 0, contact, 0, contact.length);
        System.arraycopy(memory.get("counters"), 0, counters, 0, counters.length);
    }

    /** The base's linear velocity in its own frame, into {@link #vector} (a free joint's qvel has it in world). */
    private void linearVelocity() {
        toBaseFrame(physics.qvel.get(baseVelocity), physics.qvel.get(baseVelocity + 1),
                physics.qvel.get(baseVelocity + 2));
    }

    /** Rotates a world-frame vector into the base frame (by the conjugate of the base quaternion) into vector. */
    private void toBaseFrame(double x, double y, double z) {
        double w = physics.qpos.get(base + 3);
        double ux = -physics.qpos.get(base + 4);
        double uy = -physics.qpos.get(base + 5);
        double uz = -physics.qpos.get(base + 6);
        // v' = v + w t + u x t, with t = 2 u x v
        double tx = 2 * (uy * z - uz * y);
        double ty = 2 * (uz * x - ux * z);
        double tz = 2 * (ux * y - uy * x);
        vector[0] = x + w * tx + (uy * tz - uz * ty);
        vector[1] = y + w * ty + (uz * tx - ux * tz);
        vector[2] = z + w * tz + (ux * ty - uy * tx);
    }
}
