package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of each task: starts, rewards, ends, options. */
class TasksTest {

    private static double[] slice(double[] values, int from, int length) {
        return Arrays.copyOfRange(values, from, from + length);
    }

    @Test
    void balanceEarnsOnePerStepUntilThePoleTipsPast12Degrees() {
        try (Env env = Env.create("cartpole", "balance", 4L, null)) {
            double[] start = env.reset(null, ResetOptions.NONE).observation();
            assertThat(Arrays.stream(start).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(0.05);
            double total = 0;
            int steps = 0;
            Env.Step step;
            do {
                step = env.step(new double[] {0});
                total += step.reward();
                steps++;
            } while (!step.done());
            assertThat(step.terminated()).isTrue();
            assertThat(Math.abs(step.observation()[2])).isGreaterThan(Math.toRadians(12));
            assertThat(total).isEqualTo(steps);
        }
    }

    @Test
    void swingUpStartsHangingAndPaysDmControlsRewardTermForTerm() {
        try (Env env = Env.create("cartpole", "swing-up", 4L, null)) {
            double[] start = env.reset(null, ResetOptions.NONE).observation();
            assertThat(start[2]).as("cos theta").isLessThan(-0.99);
            Env.Step step = env.step(new double[] {0.6});
            double[] o = step.observation();
            // dm_control cartpole: upright x centered x small_control x small_velocity, tolerance() Gaussians with
            // value 0.1 at the margin (2 m for the cart, 5 rad/s for the pole), quadratic control cost
            double upright = (o[2] + 1) / 2;
            double centered = (1 + Math.exp(-0.5 * Math.pow(o[0] / 2 * Math.sqrt(-2 * Math.log(0.1)), 2))) / 2;
            double smallControl = (4 + (1 - 0.36)) / 5;
            double smallVelocity = (1 + Math.exp(-0.5 * Math.pow(o[4] / 5 * Math.sqrt(-2 * Math.log(0.1)), 2))) / 2;
            assertThat(step.reward()).isCloseTo(upright * smallControl * smallVelocity * centered, within(1e-12))
                    .isLessThan(0.01);
        }
    }

    /** Shoulder forward and wrist up: the Panda's end effector moves into the target box. */
    private static final double[] INTO_THE_BOX = {0, 1, 0, 0, 0, 1, 0};

    /** Steps {@code from}..49 of: into the box for 20 steps, then hold still; the last step. */
    private static Env.Step intoTheBoxThenHold(Env env, int from) {
        Env.Step step = null;
        for (int t = from; t < 50; t++) {
            step = env.step(t < 20 ? INTO_THE_BOX : new double[7]);
        }
        return step;
    }

    @Test
    void reachRewardIsMinusTheDistanceAndSuccessMeansWithin5Centimetres() {
        double[] endEffector;
        try (Env env = Env.create("panda", "reach", 1L, null)) {
            env.reset(1L, ResetOptions.NONE);
            endEffector = slice(intoTheBoxThenHold(env, 0).observation(), 21, 3);
        }
        try (Env env = Env.create("panda", "reach", 1L, null)) {
            double[] start = env.reset(1L, ResetOptions.of(Map.of("target", endEffector))).observation();
            assertThat(slice(start, 24, 3)).as("target in the observation").containsExactly(endEffector);

            Env.Step first = env.step(INTO_THE_BOX);
            double distance = (double) first.info().get("distance");
            assertThat(distance).isGreaterThan(0.2);
            assertThat(first.reward()).isCloseTo(-distance - 0.001 * 2, within(1e-12));
            assertThat(first.info()).containsEntry("is_success", false);

            Env.Step last = intoTheBoxThenHold(env, 1);
            assertThat(last.info()).containsEntry("distance", 0.0).containsEntry("is_success", true);
            assertThat(last.reward()).isZero();
        }
    }

    @Test
    void theReachTargetIsDrawnInsideTheArmsBoxAndShownAsAMocapBody() {
        try (Env env = Env.create("ur5e", "reach", 2L, null)) {
            CopyWatch watch = env.watch();
            for (int episode = 0; episode < 20; episode++) {
                double[] target = slice(env.reset(null, ResetOptions.NONE).observation(), 21, 3);
                for (int axis = 0; axis < 3; axis++) {
                    assertThat(target[axis]).isBetween(ArmSpec.UR5E.targetLow()[axis],
                            ArmSpec.UR5E.targetHigh()[axis]);
                }
                assertThat(watch.get().mocapPos()).containsExactly(target);
            }
        }
    }

    @Test
    void aTargetOptionOutsideTheBoxIsRefusedWithItsRange() {
        try (Env env = Env.create("panda", "pick-cube", 2L, null)) {
            assertThatThrownBy(() -> env.reset(null, ResetOptions.of(Map.of("target", new double[] {0.5, 0, 2}))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Reset option 'target'[2] = 2.0 must be between 0.5 and 0.7");
            assertThatThrownBy(() -> env.reset(null, ResetOptions.of(Map.of("target", 0.5))))
                    .hasMessage("Reset option 'target' must be a list of 3 numbers");
        }
    }

    @Test
    void theLastPickActionClosesAndOpensTheGripper() {
        try (Env env = Env.create("panda", "pick-cube", 3L, null)) {
            env.reset(null, ResetOptions.NONE);
            double[] close = new double[8];
            close[7] = -1;
            double[] open = new double[8];
            open[7] = 1;
            assertThat(steps(env, close, 60).observation()[21]).as("finger opening").isLessThan(0.002);
            assertThat(steps(env, open, 60).observation()[21]).isCloseTo(0.04, within(0.002));
        }
    }

    /** The state with the cube between the open fingers and the gripper told to close, the target where given. */
    private static CopyState cubeInTheGripper(Env env, double[] target) {
        double[] endEffector = slice(env.reset(null, ResetOptions.NONE).observation(), 22, 3);
        CopyState state = env.state();
        double[] qpos = state.qpos().clone();
        System.arraycopy(endEffector, 0, qpos, 9, 3); // the cube's free joint follows the arm's 7 and 2 fingers
        double[] mocap = target != null ? target : endEffector;
        return new CopyState(state.time(), qpos, state.qvel(), state.act(), state.ctrl(), state.qaccWarmstart(),
                state.qfrcApplied(), state.xfrcApplied(), mocap.clone(), state.mocapQuat(), state.userdata(), 0,
                state.task());
    }

    @Test
    void aRestingCubeUnderALowTargetEarnsLittleAndCountsNoSuccess() {
        double held;
        try (Env env = Env.create("panda", "pick-cube", 3L, null)) {
            env.setState(cubeInTheGripper(env, null));
            Env.Step step = steps(env, closeGripper(), 5);
            assertThat(step.info()).containsEntry("is_grasped", true).containsEntry("is_lifted", true)
                    .containsEntry("is_success", true);
            held = step.reward();
            assertThat(held).as("reach + grasp + lift + carry + success").isGreaterThan(6);
        }
        try (Env env = Env.create("panda", "pick-cube", 3L, null)) {
            env.reset(null, ResetOptions.of(Map.of("cube", new double[] {0.5, 0}, "target",
                    new double[] {0.5, 0, 0.5})));
            double total = 0;
            Env.Step step = null;
            for (int t = 0; t < 20; t++) {
                step = env.step(new double[8]);
                total += step.reward();
            }
            assertThat(step.observation()[27]).as("the cube rests on the table").isCloseTo(0.425, within(0.002));
            assertThat((double) step.info().get("cube_to_target")).as("a low target is above push height")
                    .isGreaterThan(PandaPickCube.SUCCESS_DISTANCE);
            assertThat(step.info()).containsEntry("is_grasped", false).containsEntry("is_success", false);
            assertThat(total / 20).as("no carry term without a grasp").isLessThan(0.1 * held);
        }
    }

    @Test
    void pickRewardPaysReachingAlwaysAndCarryingOnlyWhileTheCubeIsHeld() {
        try (Env env = Env.create("panda", "pick-cube", 3L, null)) {
            double[] target = {0.5, 0.1, 0.6};
            env.setState(cubeInTheGripper(env, target));
            Env.Step step = steps(env, closeGripper(), 5);
            double[] o = step.observation();
            double reach = 1 - Math.tanh(10 * norm(slice(o, 38, 3)));
            double carry = 2 * (1 - Math.tanh(5 * norm(slice(o, 41, 3))));
            assertThat(step.reward()).isCloseTo(reach + 0.25 + 1 + carry, within(1e-12));

            double[] open = new double[8];
            open[7] = 1;
            Env.Step dropped = steps(env, open, 3);
            o = dropped.observation();
            assertThat(dropped.info()).containsEntry("is_grasped", false);
            assertThat(dropped.reward()).isCloseTo(1 - Math.tanh(10 * norm(slice(o, 38, 3))), within(1e-12));
        }
    }

    @Test
    void anymalStandingStillEarnsFarLessThanWalkingAtTheCommand() {
        try (Env env = Env.create("anymal", "walk", 5L, null)) {
            double[] command = slice(env.reset(null, ResetOptions.of(Map.of("command",
                    new double[] {0.6, 0, 0}))).observation(), AnymalWalk.COMMAND_AT, 3);
            assertThat(command).containsExactly(0.6, 0, 0);
            double standing = 0;
            for (int t = 0; t < 100; t++) {
                Env.Step step = env.step(new double[12]);
                assertThat(step.terminated()).isFalse();
                standing += t >= 50 ? step.reward() / 50 : 0;
            }
            CopyState still = env.state();
            double[] qvel = still.qvel().clone();
            double heading = 2 * Math.atan2(still.qpos()[6], still.qpos()[3]);
            qvel[0] = 0.6 * Math.cos(heading); // the base moving at the commanded speed, along its own x axis
            qvel[1] = 0.6 * Math.sin(heading);
            env.setState(new CopyState(still.time(), still.qpos(), qvel, still.act(), still.ctrl(),
                    still.qaccWarmstart(), still.qfrcApplied(), still.xfrcApplied(), still.mocapPos(),
                    still.mocapQuat(), still.userdata(), still.elapsedSteps(), still.task()));
            Env.Step moving = env.step(new double[12]);

            assertThat((double) moving.info().get("forward_velocity")).isCloseTo(0.6, within(0.05));
            assertThat(standing).as("standing still, per step").isLessThan(0.3 * moving.reward());
        }
    }

    @Test
    void anymalsTrackingTermIsAProductSoNoCommandIsEarnedByStandingStill() {
        for (double vx : new double[] {AnymalWalk.COMMAND_LOW[0], 0.75, AnymalWalk.COMMAND_HIGH[0]}) {
            for (double yaw : new double[] {-0.5, 0, 0.5}) {
                double[] command = {vx, 0.2, yaw};
                double followed = AnymalWalk.Reward.tracking(vx, 0.2, yaw, command);
                assertThat(followed).isEqualTo(1.5);
                assertThat(AnymalWalk.Reward.tracking(0, 0, 0, command)).as("standing at %s", vx)
                        .isLessThan(0.4 * followed);
            }
        }
    }

    @Test
    void anymalsObservationHasNoBaseHeightIsNoisyAndTheCommandIsDrawnAgainEveryFiveSeconds() {
        try (Env quiet = Env.create("anymal", "walk", 5L, null);
                VectorEnv noisy = VectorEnv.create("anymal", "walk", VectorEnv.Settings.of(1, 5L, null)
                        .withTaskOptions(ResetOptions.of(Map.of("observation_noise", 0))))) {
            assertThat(quiet.observationSpace().size()).isEqualTo(48);
            double[] first = quiet.reset(7L, ResetOptions.NONE).observation();
            double[] clean = noisy.reset(7L, ResetOptions.NONE).observations()[0];
            assertThat(slice(first, AnymalWalk.COMMAND_AT, 3)).containsExactly(slice(clean, AnymalWalk.COMMAND_AT, 3));
            assertThat(first[2]).as("noisy gravity").isNotEqualTo(clean[2]);
            assertThat(Math.abs(first[2] - clean[2])).isLessThanOrEqualTo(0.05);
            double[] command = slice(first, AnymalWalk.COMMAND_AT, 3);
            for (int axis = 0; axis < 3; axis++) {
                assertThat(command[axis]).isBetween(AnymalWalk.COMMAND_LOW[axis], AnymalWalk.COMMAND_HIGH[axis]);
            }
            double[] before = slice(steps(quiet, new double[12], AnymalWalk.RESAMPLE_STEPS - 1).observation(),
                    AnymalWalk.COMMAND_AT, 3);
            double[] after = slice(quiet.step(new double[12]).observation(), AnymalWalk.COMMAND_AT, 3);
            assertThat(before).containsExactly(command);
            assertThat(after).isNotEqualTo(command);
        }
    }

    @Test
    void anymalPushesMoveTheBaseWhenAsked() {
        ResetOptions push = ResetOptions.of(Map.of("push_velocity", 1.0, "push_interval", 1.0));
        try (VectorEnv pushed = VectorEnv.create("anymal", "walk", VectorEnv.Settings.of(1, 5L, null)
                .withTaskOptions(push));
                VectorEnv calm = VectorEnv.create("anymal", "walk", VectorEnv.Settings.of(1, 5L, null))) {
            pushed.reset(2L, ResetOptions.of(Map.of("command", new double[] {0, 0, 0})));
            calm.reset(2L, ResetOptions.of(Map.of("command", new double[] {0, 0, 0})));
            double[][] zero = {new double[12]};
            double difference = 0;
            for (int t = 0; t < 60; t++) {
                double[] a = pushed.step(zero).observations()[0];
                double[] b = calm.step(zero).observations()[0];
                difference = Math.max(difference, Math.abs(a[3] - b[3]) + Math.abs(a[4] - b[4]));
            }
            assertThat(difference).as("a push changed the base velocity").isGreaterThan(0.3);
            assertThatThrownBy(() -> VectorEnv.create("anymal", "walk", VectorEnv.Settings.of(1, 5L, null)
                    .withTaskOptions(ResetOptions.of(Map.of("gravity", 3)))))
                    .hasMessage("Unknown task option 'gravity'. This task's task_options: observation_noise,"
                            + " push_velocity, push_interval");
        }
    }

    @Test
    void anymalDrivenToAJointExtremeFallsAndTheEpisodeTerminates() {
        try (Env env = Env.create("anymal", "walk", 5L, null)) {
            env.reset(null, ResetOptions.NONE);
            double[] extreme = new double[12];
            Arrays.fill(extreme, 1);
            Env.Step step;
            int steps = 0;
            do {
                step = env.step(extreme);
                steps++;
            } while (!step.done());
            assertThat(step.terminated()).isTrue();
            assertThat(steps).isLessThan(100);
        }
    }

    private static double[] closeGripper() {
        double[] close = new double[8];
        close[7] = -1;
        return close;
    }

    /** {@code count} steps of the same action; the last one. */
    private static Env.Step steps(Env env, double[] action, int count) {
        Env.Step step = null;
        for (int t = 0; t < count; t++) {
            step = env.step(action);
        }
        return step;
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
