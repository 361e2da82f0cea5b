package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RlEnvironmentsTest {
    private final RlEnvironments environments = new RlEnvironments();

    @AfterEach
    void closeAll() {
        environments.close();
    }

    @Test
    void createdEnvironmentsAreFoundByTheirIdUntilClosed() {
        VectorEnv first = environments.create("cartpole", "balance", VectorEnv.Settings.of(2, 1L, null));
        VectorEnv second = environments.create("anymal", "walk", VectorEnv.Settings.of(1, 1L, 100));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(environments.get(second.id())).isSameAs(second);
        assertThat(second.maxEpisodeSteps()).isEqualTo(100);
        assertThat(environments.list()).containsExactlyInAnyOrder(first, second);

        environments.close(first.id());
        assertThatThrownBy(() -> environments.get(first.id())).isInstanceOf(NoSuchElementException.class)
                .hasMessage("No RL environment with id '" + first.id() + "' (closed, or never created)");
        assertThatThrownBy(() -> first.reset(null, ResetOptions.NONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> environments.close(first.id())).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void sizesOutOfRangeAreRefusedBeforeAnythingIsBuilt() {
        assertThatThrownBy(() -> environments.create("cartpole", "balance", VectorEnv.Settings.of(0, 1L, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("num_envs must be between 1 and 256, got 0 (the host's limit of num_envs per environment:"
                        + " raise it with serve --rl-max-num-envs N or RL_MAX_NUM_ENVS=N)");
        assertThatThrownBy(() -> environments.create("cartpole", "balance", VectorEnv.Settings.of(1, 1L, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_episode_steps must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> environments.create("cartpole", "hover", VectorEnv.Settings.of(1, 1L, null)))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("Robot 'cartpole' has no task 'hover'. Its tasks: balance, swing-up");
        assertThat(environments.list()).isEmpty();
    }

    @Test
    void theNumberOfOpenEnvironmentsAndCopiesIsLimited() {
        try (RlEnvironments small = new RlEnvironments(new RlLimits(2, 10, 8, 1))) {
            small.create("cartpole", "balance", VectorEnv.Settings.of(6, 1L, null));
            assertThatThrownBy(() -> small.create("cartpole", "balance", VectorEnv.Settings.of(5, 1L, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("5 more copies would make 11 open; at most 10 environment copies are open at once;"
                            + " close an environment first (DELETE /api/rl/{id}) (the host's limit of open copies:"
                            + " raise it with serve --rl-max-copies N or RL_MAX_COPIES=N)");
            small.create("cartpole", "balance", VectorEnv.Settings.of(4, 1L, null));
            assertThatThrownBy(() -> small.create("cartpole", "balance", VectorEnv.Settings.of(1, 1L, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Already 2 RL environments are open; close one first (DELETE /api/rl/{id}) (the"
                            + " host's limit of open environments: raise it with serve --rl-max-environments N or"
                            + " RL_MAX_ENVIRONMENTS=N)");
            assertThatThrownBy(() -> small.create("cartpole", "balance", VectorEnv.Settings.of(9, 1L, null)))
                    .hasMessageStartingWith("num_envs must be between 1 and 8, got 9");
        }
    }
}
