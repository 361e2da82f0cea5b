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
        VectorEnv first = environments.create("cartpole", "balance", 1L, 2, null);
        VectorEnv second = environments.create("anymal", "walk", 1L, 1, 100);

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
        assertThatThrownBy(() -> environments.create("cartpole", "balance", 1L, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("num_envs must be between 1 and 256, got 0");
        assertThatThrownBy(() -> environments.create("cartpole", "balance", 1L, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_episode_steps must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> environments.create("cartpole", "hover", 1L, 1, null))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("Robot 'cartpole' has no task 'hover'. Its tasks: balance, swing-up");
        assertThat(environments.list()).isEmpty();
    }

    @Test
    void theNumberOfOpenEnvironmentsAndCopiesIsLimited() {
        try (RlEnvironments small = new RlEnvironments(2, 10)) {
            small.create("cartpole", "balance", 1L, 6, null);
            assertThatThrownBy(() -> small.create("cartpole", "balance", 1L, 5, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("5 more copies would make 11 open; at most 10 environment copies are open at once;"
                            + " close an environment first (DELETE /api/rl/{id})");
            small.create("cartpole", "balance", 1L, 4, null);
            assertThatThrownBy(() -> small.create("cartpole", "balance", 1L, 1, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Already 2 RL environments are open; close one first (DELETE /api/rl/{id})");
        }
    }
}
