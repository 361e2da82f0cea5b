package io.simcast.sim.rl;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * ANYmal walking forward at a commanded speed without falling. Per copy; stepping thread only. The rules are in
 * {@link #template()}'s description (and docs/RL.md).
 */
final class AnymalWalk implements Task {
    static final List<String> JOINTS = List.of("LF_HAA", "LF_HFE", "LF_KFE", "RF_HAA", "RF_HFE", "RF_KFE",
            "LH_HAA", "LH_HFE", "LH_KFE", "RH_HAA", "RH_HFE", "RH_KFE");
    static final String SPEED_OPTION = "speed";
    /** Radians of servo target offset from the standing pose per unit of action. */
    static final double ACTION_SCALE = 0.5;
    static final double MIN_HEIGHT = 0.3;
    /** Fallen when the base's z axis points less than 60 degrees from up (cos 60 = 0.5). */
    static final double MIN_UPRIGHTNESS = 0.5;
    private static final double START_NOISE = 0.05;
    private static final double[] SAMPLED_SPEED = {0.3, 1.0};
    private static final double[] ALLOWED_SPEED = {0, 1.5};
    private static final int N = 12;

    static TaskTemplate template() {
        TaskSpec spec = new TaskSpec("anymal", "walk", "Walk forward",
                "Walk forward (along the base's x axis) at a commanded speed, drawn from 0.3..1.0 m/s each episode"
                        + " or given by the reset option speed (0..1.5). Observation: base height, gravity in the base"
                        + " frame, base linear and angular velocity in the base frame, 12 joint angles minus the"
                        + " standing pose, 12 joint velocities, the previous action, the commanded speed; action: 12"
                        + " servo targets in [-1, 1] = standing pose +- 0.5 rad; reward exp(-(v_x - speed)^2 / 0.25)"
                        + " + 0.5 exp(-(v_y^2 + yaw rate^2) / 0.25) - 2 v_z^2 - 0.05 (roll rate^2 + pitch rate^2)"
                        + " - 0.01 |action - previous action|^2; terminated when the base is below 0.3 m or tilted"
                        + " more than 60 degrees; truncated after 1000 steps (20 s).",
                Box.unbounded(47), Box.of(N, -1, 1), 10, 1000, List.of(SPEED_OPTION));
        return new TaskTemplate(spec, xml -> xml, AnymalWalk::new);
    }

    private final PhysicsView physics;
    private final int home;
    private final int base;
    private final int baseVelocity;
    private final int[] qpos = new int[N];
    private final int[] qvel = new int[N];
    private final int[] actuators = new int[N];
    private final double[] standingPose = new double[N];
    private final double[] standingControl = new double[N];
    private final double[] action = new double[N];
    private final double[] previousAction = new double[N];
    private final double[] vector = new double[3];
    private double speed;

    private AnymalWalk(PhysicsView physics) {
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
    }

    @Override
    public void reset(RandomGenerator random, ResetOptions options) {
        physics.resetToKeyframe(home);
        for (int j = 0; j < N; j++) {
            physics.qpos.put(qpos[j], standingPose[j] + random.nextDouble(-START_NOISE, START_NOISE));
        }
        double[] given = options.vector(SPEED_OPTION, new double[] {ALLOWED_SPEED[0]},
                new double[] {ALLOWED_SPEED[1]});
        speed = given != null ? given[0] : random.nextDouble(SAMPLED_SPEED[0], SAMPLED_SPEED[1]);
        Arrays.fill(action, 0);
        Arrays.fill(previousAction, 0);
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
    }

    @Override
    public void observe(double[] observation) {
        observation[0] = physics.qpos.get(base + 2);
        toBaseFrame(0, 0, -1);
        System.arraycopy(vector, 0, observation, 1, 3);
        linearVelocity();
        System.arraycopy(vector, 0, observation, 4, 3);
        for (int axis = 0; axis < 3; axis++) {
            observation[7 + axis] = physics.qvel.get(baseVelocity + 3 + axis); // a free joint's is in the body frame
        }
        for (int j = 0; j < N; j++) {
            observation[10 + j] = physics.qpos.get(qpos[j]) - standingPose[j];
            observation[22 + j] = physics.qvel.get(qvel[j]);
        }
        System.arraycopy(action, 0, observation, 34, N);
        observation[46] = speed;
    }

    @Override
    public double reward(double[] ignored) {
        linearVelocity();
        double vx = vector[0];
        double vy = vector[1];
        double vz = vector[2];
        double roll = physics.qvel.get(baseVelocity + 3);
        double pitch = physics.qvel.get(baseVelocity + 4);
        double yaw = physics.qvel.get(baseVelocity + 5);
        double actionRate = 0;
        for (int j = 0; j < N; j++) {
            double change = action[j] - previousAction[j];
            actionRate += change * change;
        }
        return Math.exp(-(vx - speed) * (vx - speed) / 0.25) + 0.5 * Math.exp(-(vy * vy + yaw * yaw) / 0.25)
                - 2 * vz * vz - 0.05 * (roll * roll + pitch * pitch) - 0.01 * actionRate;
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
        info.put("commanded_speed", speed);
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
