package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.TestScenes;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    /** A pendulum task whose action 1 poisons the velocity with NaN, which MuJoCo reports and resets. */
    private static TaskTemplate poisoning() {
        TaskSpec spec = new TaskSpec("test", "poison", "Poison", "", Box.unbounded(2), Box.of(1, 0, 1), 5, 100,
                List.of(), List.of(), "");
        return new TaskTemplate(spec, xml -> xml, (physics, options) -> new Task() {
            @Override
            public void reset(RandomGenerator random, ResetOptions options) {
                physics.qpos.put(0, 0.5);
            }

            @Override
            public void applyAction(double[] action) {
                if (action[0] == 1) {
                    physics.qvel.put(0, Double.NaN);
                }
            }

            @Override
            public void observe(double[] observation) {
                observation[0] = physics.qpos.get(0);
                observation[1] = physics.qvel.get(0);
            }

            @Override
            public double reward(double[] action) {
                return 1;
            }

            @Override
            public boolean terminated() {
                return false;
            }
        });
    }

    @Test
    void aStepWhosePhysicsDivergesTerminatesTheEpisodeWithTheReasonAndRewardZero() {
        Scene scene = TestScenes.compile(TestScenes.PENDULUM);
        try (Env env = new Env(scene, poisoning(), 100, 1, ResetOptions.NONE)) {
            env.reset(null, ResetOptions.NONE);
            assertThat(env.step(new double[] {0}).info()).doesNotContainKey("diverged");

            Env.Step step = env.step(new double[] {1});

            assertThat(step.terminated()).as("terminated, not truncated: nothing to bootstrap from").isTrue();
            assertThat(step.truncated()).isFalse();
            assertThat(step.reward()).isZero();
            assertThat((String) step.info().get("diverged")).startsWith("Nan, Inf or huge value").contains("The simulation is unstable");
            assertThat(step.observation()).doesNotContain(Double.NaN);
        } finally {
            scene.release();
        }
    }
}
