package io.simcast.sim.rl;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_SITE;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.simcast.sim.core.Model;
import io.simcast.sim.core.SimData;
import io.simcast.sim.physics.SimulationSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorEnvTest {

    private static double[] slice(double[] values, int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }

    private static double[][] randomActions(VectorEnv env, SplittableRandom random) {
        double[][] actions = new double[env.numEnvs()][];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = env.singleActionSpace().sample(random);
        }
        return actions;
    }

    @Test
    void copyIIsTheSingleEnvironmentSeededWithSeedPlusI() {
        try (VectorEnv vector = VectorEnv.create("panda", "reach", null, 3, null);
                Env copy2 = Env.create("panda", "reach", null, null)) {
            VectorEnv.Reset reset = vector.reset(100L, ResetOptions.NONE);
            assertThat(reset.observations()[2]).containsExactly(copy2.reset(102L, ResetOptions.NONE).observation());

            SplittableRandom random = new SplittableRandom(1);
            for (int t = 0; t < 20; t++) {
                double[][] actions = randomActions(vector, random);
                VectorEnv.Step step = vector.step(actions);
                Env.Step single = copy2.step(actions[2]);
                assertThat(step.observations()[2]).containsExactly(single.observation());
                assertThat(step.rewards()[2]).isEqualTo(single.reward());
                assertThat(step.infos().get(2)).isEqualTo(single.info());
            }
        }
    }

    @Test
    void anEndedCopyIsResetByTheNextStepWhichIgnoresItsActionAndReturnsRewardZero() {
        try (VectorEnv vector = VectorEnv.create("cartpole", "balance", 5L, 4, null);
                Env twin = Env.create("cartpole", "balance", 5L, null)) {
            vector.reset(null, ResetOptions.NONE);
            twin.reset(null, ResetOptions.NONE);
            double[][] push = {{1}, {1}, {1}, {1}};
            VectorEnv.Step step;
            do {
                step = vector.step(push);
                twin.step(push[0]);
            } while (!step.terminated()[0]);
            assertThat(Math.abs(step.observations()[0][2])).as("final observation: pole past 12 degrees")
                    .isGreaterThan(CartPoleBalance.MAX_ANGLE);
            assertThat(step.rewards()[0]).isEqualTo(1);

            VectorEnv.Step next = vector.step(new double[][] {{-1}, {1}, {1}, {1}});

            assertThat(next.rewards()[0]).isZero();
            assertThat(next.terminated()[0]).isFalse();
            assertThat(next.truncated()[0]).isFalse();
            assertThat(next.observations()[0]).as("the next episode's first observation, generator continued")
                    .containsExactly(twin.reset(null, ResetOptions.NONE).observation());
        }
    }

    @Test
    void inSameStepModeTheEndingStepResetsAtOnceAndReturnsTheEndedEpisodesLastObservationBeside() {
        try (VectorEnv vector = VectorEnv.create("cartpole", "balance", VectorEnv.Settings.of(2, 5L, null)
                .withAutoresetMode(AutoresetMode.SAME_STEP));
                Env twin = Env.create("cartpole", "balance", 5L, null)) {
            vector.reset(null, ResetOptions.NONE);
            twin.reset(null, ResetOptions.NONE);
            double[][] push = {{1}, {-1}};
            VectorEnv.Step step;
            Env.Step single;
            do {
                step = vector.step(push);
                single = twin.step(push[0]);
                assertThat(step.finals()).isPresent();
            } while (!single.done());

            VectorEnv.Finals finals = step.finals().orElseThrow();
            assertThat(step.terminated()[0]).isTrue();
            assertThat(step.rewards()[0]).isEqualTo(1);
            assertThat(finals.observations()[0]).as("the ended episode's last observation")
                    .containsExactly(single.observation());
            assertThat(finals.infos().get(0)).isEqualTo(single.info());
            assertThat(step.observations()[0]).as("the next episode's first, in the same step")
                    .containsExactly(twin.reset(null, ResetOptions.NONE).observation());
            assertThat(finals.observations()[1]).as("copy 1 went on").isNull();
            assertThat(vector.step(push).rewards()[0]).as("no step is lost to the reset").isEqualTo(1);
        }
    }

    @Test
    void withAutoresetDisabledAnEndedCopyMustBeResetByMaskBeforeTheNextStep() {
        try (VectorEnv vector = VectorEnv.create("cartpole", "balance", VectorEnv.Settings.of(3, 5L, null)
                .withAutoresetMode(AutoresetMode.DISABLED))) {
            double[][] first = vector.reset(null, ResetOptions.NONE).observations();
            double[][] push = {{1}, {0}, {0}};
            VectorEnv.Step step;
            do {
                step = vector.step(push);
            } while (!step.terminated()[0]);
            assertThat(step.finals()).isEmpty();
            assertThatThrownBy(() -> vector.step(push)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Copies [0] ended their episodes and autoreset_mode is Disabled: reset them first"
                            + " (reset with a reset_mask selecting them)");

            double[][] last = step.observations();
            VectorEnv.Reset reset = vector.reset(Seeds.each(Arrays.asList(100L, null, null)), ResetOptions.NONE,
                    new boolean[] {true, false, false});
            assertThat(reset.observations()[1]).as("copies left out keep their observation").containsExactly(last[1]);
            assertThat(reset.observations()[0]).isNotEqualTo(last[0]).isNotEqualTo(first[0]);
            assertThat(reset.infos().get(1)).isEmpty();
            assertThat(vector.step(push).terminated()).containsExactly(false, false, false);
        }
    }

    @Test
    void perCopySeedsAndMasksValidateTheirLengths() {
        try (VectorEnv vector = VectorEnv.create("cartpole", "balance", 1L, 2, null);
                Env seeded = Env.create("cartpole", "balance", null, null)) {
            VectorEnv.Reset reset = vector.reset(Seeds.each(Arrays.asList(42L, 7L)), ResetOptions.NONE, null);
            assertThat(reset.observations()[1]).containsExactly(seeded.reset(7L, ResetOptions.NONE).observation());
            assertThatThrownBy(() -> vector.reset(Seeds.each(List.of(1L)), ResetOptions.NONE, null))
                    .hasMessage("seed must be a whole number, null, or a list of num_envs = 2 seeds (null for a copy"
                            + " that continues its generator); got a list of 1");
            assertThatThrownBy(() -> vector.reset(Seeds.NONE, ResetOptions.NONE, new boolean[3]))
                    .hasMessage("reset_mask must hold num_envs = 2 booleans, got 3");
            assertThatThrownBy(() -> vector.reset(Seeds.NONE, ResetOptions.NONE, new boolean[2]))
                    .hasMessage("reset_mask must select at least one copy (one true)");
        }
    }

    @Test
    void aStateReadMidEpisodePutBackReplaysTheRestOfTheEpisodeBitForBit() {
        try (VectorEnv vector = VectorEnv.create("anymal", "walk", VectorEnv.Settings.of(2, 9L, null)
                .withTaskOptions(ResetOptions.of(Map.of("observation_noise", 0))))) { // noise continues the generator
            vector.reset(3L, ResetOptions.NONE);
            SplittableRandom random = new SplittableRandom(2);
            for (int t = 0; t < 30; t++) {
                vector.step(randomActions(vector, random));
            }
            CopyState saved = vector.state(1);
            List<double[][]> actions = new ArrayList<>();
            List<double[]> first = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                actions.add(randomActions(vector, random));
                first.add(vector.step(actions.get(t)).observations()[1]);
            }
            double[] restored = vector.setState(1, saved);
            assertThat(restored).hasSize(48);
            for (int t = 0; t < 40; t++) {
                double[] again = vector.step(actions.get(t)).observations()[1];
                assertThat(again).as("step %d", t).containsExactly(first.get(t));
            }
            assertThatThrownBy(() -> vector.setState(0, new CopyState(0, new double[2], saved.qvel(), saved.act(),
                    saved.ctrl(), saved.qaccWarmstart(), saved.qfrcApplied(), saved.xfrcApplied(), saved.mocapPos(),
                    saved.mocapQuat(), saved.userdata(), 0, saved.task())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("state.qpos must hold 19 numbers for this model, got 2");
        }
    }

    @Test
    void parallelLanesGiveExactlyWhatOneThreadGives() {
        try (VectorEnv serial = VectorEnv.create("anymal", "walk", 3L, 8, 50, 1);
                VectorEnv parallel = VectorEnv.create("anymal", "walk", 3L, 8, 50, 2)) {
            assertThat(parallel.threads()).isEqualTo(2);
            SplittableRandom random = new SplittableRandom(4);
            serial.reset(null, ResetOptions.NONE);
            parallel.reset(null, ResetOptions.NONE);
            for (int t = 0; t < 120; t++) {
                double[][] actions = randomActions(serial, random);
                VectorEnv.Step a = serial.step(actions);
                VectorEnv.Step b = parallel.step(actions);
                assertThat(b.observations()).isDeepEqualTo(a.observations());
                assertThat(b.rewards()).containsExactly(a.rewards());
                assertThat(b.terminated()).containsExactly(a.terminated());
                assertThat(b.truncated()).containsExactly(a.truncated());
            }
        }
    }

    @Test
    void flatAndNestedActionsAreTheSameStep() {
        try (VectorEnv nested = VectorEnv.create("ur5e", "reach", 8L, 2, null);
                VectorEnv flat = VectorEnv.create("ur5e", "reach", 8L, 2, null)) {
            nested.reset(null, ResetOptions.NONE);
            flat.reset(null, ResetOptions.NONE);
            double[][] actions = {{0.1, -0.2, 0.3, -0.4, 0.5, -0.6}, {1, 1, -1, -1, 0, 0}};
            double[] flatActions = {0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 1, 1, -1, -1, 0, 0};
            assertThat(flat.step(flatActions).observations()).isDeepEqualTo(nested.step(actions).observations());
        }
    }

    @Test
    void resetOptionsReachEveryCopy() {
        try (VectorEnv env = VectorEnv.create("anymal", "walk", 1L, 3, null)) {
            VectorEnv.Reset reset = env.reset(null, ResetOptions.of(Map.of("speed", 0.8)));
            for (double[] observation : reset.observations()) {
                assertThat(observation[AnymalWalk.COMMAND_AT]).isEqualTo(0.8);
            }
        }
    }

    @Test
    void aResetRefusedForItsOptionsLeavesTheEnvironmentNeedingAReset() {
        try (VectorEnv env = VectorEnv.create("panda", "reach", 1L, 2, null)) {
            env.reset(null, ResetOptions.NONE);
            env.step(new double[14]);
            assertThatThrownBy(() -> env.reset(null, ResetOptions.of(Map.of("target", new double[] {9, 9, 9}))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Reset option 'target'[0] = 9.0 must be between 0.3 and 0.6");
            assertThatThrownBy(() -> env.step(new double[14]))
                    .hasMessage("Call reset before step: the episode has not started or has ended");
            env.reset(null, ResetOptions.NONE);
            assertThat(env.step(new double[14]).rewards()).hasSize(2);
        }
    }

    @Test
    void aWatchedCopyPublishesEverySteppedStateAnUnwatchedOneOnlyItsResets() {
        try (VectorEnv env = VectorEnv.create("cartpole", "swing-up", 1L, 3, null)) {
            CopyWatch watched = env.watch(1);
            CopyWatch unwatched = env.watch(2);
            unwatched.close();
            VectorEnv.Reset reset = env.reset(null, ResetOptions.NONE);
            SimulationSnapshot atReset = unwatched.get();
            assertThat(atReset.time()).isZero();
            assertThat(Math.cos(atReset.qpos()[1])).as("cos of the hinge angle").isEqualTo(reset.observations()[2][2]);

            for (int t = 1; t <= 3; t++) {
                VectorEnv.Step step = env.step(new double[] {0.5, 0.5, 0.5});
                SimulationSnapshot now = watched.get();
                assertThat(now.time()).isCloseTo(t * env.controlTimestep(), within(1e-12));
                assertThat(now.qpos()[0]).as("cart position").isEqualTo(step.observations()[1][0]);
                assertThat(now.ctrl()).containsExactly(0.5);
                assertThat(now.scene().id()).isEqualTo("rl-cartpole-swing-up");
            }
            assertThat(unwatched.get()).isSameAs(atReset);
            assertThatThrownBy(() -> env.watch(3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("copy must be between 0 and 2, got 3");
        }
    }

    @Test
    void aWatchedSnapshotIsAllARendererNeedsToPutTheArmAndTargetWhereTheObservationSays() {
        try (VectorEnv env = VectorEnv.create("panda", "reach", 2L, 2, null)) {
            CopyWatch watch = env.watch(1);
            env.reset(null, ResetOptions.NONE);
            VectorEnv.Step step = null;
            for (int t = 0; t < 15; t++) {
                step = env.step(randomActions(env, new SplittableRandom(t)));
            }
            double[] observation = step.observations()[1];

            // What the renderer does (SceneResources.load): copy the state into its own data, mj_forward.
            SimulationSnapshot snapshot = watch.get();
            Model model = snapshot.scene().model();
            assertThat(model.tryRetain()).isTrue();
            try (SimData data = new SimData(model)) {
                data.qpos().put(snapshot.qpos());
                data.qvel().put(snapshot.qvel());
                data.ctrl().put(snapshot.ctrl());
                data.mocapPos().put(snapshot.mocapPos());
                data.mocapQuat().put(snapshot.mocapQuat());
                mj_forward(model.pointer(), data.pointer());
                int ee = model.id(mjOBJ_SITE, "ee");
                for (int axis = 0; axis < 3; axis++) {
                    assertThat(data.siteXpos().get(3 * ee + axis)).isEqualTo(observation[21 + axis]);
                    assertThat(snapshot.mocapPos()[axis]).isEqualTo(observation[24 + axis]);
                }
            } finally {
                model.release();
            }
        }
    }

    @Test
    void stepBeforeTheFirstResetAndCallsAfterCloseAreRefused() {
        VectorEnv env = VectorEnv.create("cartpole", "balance", 1L, 2, null);
        assertThatThrownBy(() -> env.step(new double[] {0, 0})).isInstanceOf(IllegalStateException.class)
                .hasMessage("Call reset before step: the episode has not started or has ended");
        CopyWatch watch = env.watch(0);
        env.close();
        env.close();
        assertThatThrownBy(() -> env.reset(1L, ResetOptions.NONE)).hasMessage("This RL environment is closed");
        assertThat(watch.get().scene().model().tryRetain()).as("model freed with the last copy").isFalse();
    }

    @Test
    void automaticLanesUseMoreThreadsOnlyForEnoughCopies() {
        assertThat(VectorEnv.automaticLanes(1)).isEqualTo(1);
        assertThat(VectorEnv.automaticLanes(VectorEnv.MIN_COPIES_PER_LANE * 2 - 1)).isEqualTo(1);
        assertThat(VectorEnv.automaticLanes(256)).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
