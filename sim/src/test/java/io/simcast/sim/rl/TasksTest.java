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
    void swingUpStartsHangingWithAlmostNoRewardAndPaysTheProductOfItsFactors() {
        try (Env env = Env.create("cartpole", "swing-up", 4L, null)) {
            double[] start = env.reset(null, ResetOptions.NONE).observation();
            assertThat(start[2]).as("cos theta").isLessThan(-0.99);
            Env.Step step = env.step(new double[] {0.6});
            double[] o = step.observation();
            double expected = (1 + o[2]) / 2 * (1 + Math.exp(-o[0] * o[0])) / 2 * (4 + 1 - 0.36) / 5
                    * (1 + Math.exp(-o[4] * o[4] / 25)) / 2;
            assertThat(step.reward()).isCloseTo(expected, within(1e-12)).isLessThan(0.01);
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
                    .hasMessage("Reset option 'target'[2] = 2.0 must be between 0.45 and 0.65");
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
            assertThat(steps(env, close, 100).observation()[21]).as("finger opening").isLessThan(0.002);
            assertThat(steps(env, open, 100).observation()[21]).isCloseTo(0.04, within(0.002));
        }
    }

    @Test
    void pickRewardCombinesGripToCubeAndCubeToTargetDistances() {
        try (Env env = Env.create("panda", "pick-cube", 3L, null)) {
            env.reset(null, ResetOptions.NONE);
            Env.Step step = env.step(new double[8]);
            double[] o = step.observation();
            double grip = norm(slice(o, 38, 3));
            double place = norm(slice(o, 41, 3));
            assertThat(step.reward()).isCloseTo((1 - Math.tanh(5 * grip)) + 2 * (1 - Math.tanh(5 * place)),
                    within(1e-12));
            assertThat(step.info()).containsEntry("cube_to_target", place).containsEntry("is_success", false);
            assertThat(o[27]).as("cube resting on the table").isCloseTo(0.425, within(0.002));
        }
    }

    @Test
    void anymalHoldingStillStandsAndEarnsOnlyTheStayingStraightPartOfTheReward() {
        try (Env env = Env.create("anymal", "walk", 5L, null)) {
            double speed = env.reset(null, ResetOptions.of(Map.of("speed", 0.6))).observation()[46];
            assertThat(speed).isEqualTo(0.6);
            Env.Step last = steps(env, new double[12], 200);
            assertThat(last.terminated()).isFalse();
            assertThat(last.observation()[0]).as("base height").isCloseTo(0.56, within(0.02));
            assertThat((double) last.info().get("forward_velocity")).isCloseTo(0, within(0.01));
            assertThat(last.reward()).isCloseTo(Math.exp(-0.36 / 0.25) + 0.5, within(0.01));
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
            double height = step.observation()[0];
            double uprightness = -step.observation()[3];
            assertThat(height < AnymalWalk.MIN_HEIGHT || uprightness < AnymalWalk.MIN_UPRIGHTNESS).isTrue();
        }
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
