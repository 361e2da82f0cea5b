package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvTest {

    static Stream<TaskSpec> everyTask() {
        return RlCatalog.builtIn().robots().stream().flatMap(robot -> robot.tasks().stream());
    }

    /** Observations of {@code steps} steps with actions drawn from {@code actionSeed}, after reset(seed). */
    private static List<double[]> trajectory(Env env, long seed, long actionSeed, int steps) {
        List<double[]> observations = new ArrayList<>();
        SplittableRandom actions = new SplittableRandom(actionSeed);
        observations.add(env.reset(seed, ResetOptions.NONE).observation());
        for (int i = 0; i < steps; i++) {
            Env.Step step = env.step(env.actionSpace().sample(actions));
            observations.add(step.observation());
            if (step.done()) {
                break;
            }
        }
        return observations;
    }

    private static List<double[]> freshTrajectory(TaskSpec task, long seed, long actionSeed, int steps) {
        try (Env env = Env.create(task.robot(), task.id(), null, null)) {
            return trajectory(env, seed, actionSeed, steps);
        }
    }

    private static void assertSameTrajectory(List<double[]> actual, List<double[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("step %d", i).containsExactly(expected.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTask")
    void theSameSeedAndActionsGiveTheSameTrajectoryBitForBitAndAnotherSeedAnotherOne(TaskSpec task) {
        List<double[]> first = freshTrajectory(task, 42, 7, 40);
        List<double[]> again = freshTrajectory(task, 42, 7, 40);
        List<double[]> otherSeed = freshTrajectory(task, 43, 7, 40);

        assertSameTrajectory(again, first);
        assertThat(otherSeed.getFirst()).isNotEqualTo(first.getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTask")
    void aCopyThatRanEarlierEpisodesRepeatsAFreshCopysTrajectoryBitForBit(TaskSpec task) {
        try (Env used = Env.create(task.robot(), task.id(), 5L, null)) {
            for (int episode = 0; episode < 3; episode++) {
                trajectory(used, 100L + episode, episode, 150);
            }
            assertSameTrajectory(trajectory(used, 42, 7, 40), freshTrajectory(task, 42, 7, 40));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTask")
    void observationsFitTheObservationSpaceAndAreFiniteUnderRandomActions(TaskSpec task) {
        try (Env env = Env.create(task.robot(), task.id(), 3L, 60)) {
            SplittableRandom random = new SplittableRandom(3);
            double[] observation = env.reset(null, ResetOptions.NONE).observation();
            for (int i = 0; i < 60; i++) {
                assertThat(observation).hasSize(task.observationSpace().size());
                assertThat(java.util.Arrays.stream(observation).allMatch(Double::isFinite)).isTrue();
                Env.Step step = env.step(env.actionSpace().sample(random));
                assertThat(step.info()).doesNotContainKey("diverged");
                assertThat(Double.isFinite(step.reward())).isTrue();
                observation = step.done() ? env.reset(null, ResetOptions.NONE).observation() : step.observation();
            }
        }
    }

    @Test
    void aResetWithoutASeedContinuesTheGeneratorOfTheLastSeededReset() {
        try (Env one = Env.create("cartpole", "balance", null, null);
                Env two = Env.create("cartpole", "balance", null, null)) {
            double[] seeded = one.reset(5L, ResetOptions.NONE).observation();
            double[] next = one.reset(null, ResetOptions.NONE).observation();
            assertThat(next).isNotEqualTo(seeded);

            assertThat(two.reset(5L, ResetOptions.NONE).observation()).containsExactly(seeded);
            assertThat(two.reset(null, ResetOptions.NONE).observation()).containsExactly(next);
        }
    }

    @Test
    void theSeedGivenAtCreationFixesTheFirstUnseededReset() {
        try (Env one = Env.create("anymal", "walk", 9L, null); Env two = Env.create("anymal", "walk", 9L, null)) {
            assertThat(two.reset(null, ResetOptions.NONE).observation())
                    .containsExactly(one.reset(null, ResetOptions.NONE).observation());
        }
    }

    @Test
    void episodesAreTruncatedAfterMaxEpisodeStepsAsTimeLimitDoes() {
        try (Env env = Env.create("cartpole", "swing-up", 1L, 5)) {
            env.reset(null, ResetOptions.NONE);
            for (int i = 1; i < 5; i++) {
                assertThat(env.step(new double[] {0}).done()).isFalse();
            }
            Env.Step last = env.step(new double[] {0});
            assertThat(last.truncated()).isTrue();
            assertThat(last.terminated()).isFalse();
            assertThat(env.maxEpisodeSteps()).isEqualTo(5);
        }
    }

    @Test
    void stepBeforeResetAndAfterTheEpisodeEndedIsRefused() {
        try (Env env = Env.create("cartpole", "swing-up", 1L, 1)) {
            assertThatThrownBy(() -> env.step(new double[] {0})).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Call reset before step: the episode has not started or has ended");
            env.reset(null, ResetOptions.NONE);
            assertThat(env.step(new double[] {0}).truncated()).isTrue();
            assertThatThrownBy(() -> env.step(new double[] {0}))
                    .hasMessage("Call reset before step: the episode has not started or has ended");
        }
    }

    @Test
    void aClosedEnvironmentRefusesCallsAndItsModelIsFreed() {
        Env env = Env.create("cartpole", "balance", 1L, null);
        CopyWatch watch = env.watch();
        env.close();
        env.close(); // idempotent: the data is freed once

        assertThat(watch.get().scene().model().isAlive()).isFalse();
        assertThatThrownBy(() -> env.reset(null, ResetOptions.NONE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("This RL environment is closed");
    }

    @Test
    void controlTimestepIsFrameSkipTimesThePhysicsTimestep() {
        try (Env env = Env.create("anymal", "walk", 1L, null)) {
            assertThat(env.controlTimestep()).isEqualTo(10 * 0.002);
        }
    }

    @Test
    void unknownResetOptionsAreRefusedNamingTheTasksOptions() {
        try (Env walk = Env.create("anymal", "walk", 1L, null);
                Env balance = Env.create("cartpole", "balance", 1L, null)) {
            assertThatThrownBy(() -> walk.reset(null, ResetOptions.of(Map.of("velocity", 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown reset option 'velocity'. This task's options: command, speed");
            assertThatThrownBy(() -> balance.reset(null, ResetOptions.of(Map.of("speed", 1))))
                    .hasMessage("Unknown reset option 'speed': this task takes no options");
        }
    }
}
