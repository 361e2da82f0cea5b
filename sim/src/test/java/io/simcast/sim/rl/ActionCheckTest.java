package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The words a user reads when actions are refused, through the public API. */
class ActionCheckTest {
    private static VectorEnv env;

    @BeforeAll
    static void open() {
        env = VectorEnv.create("cartpole", "balance", 1L, 3, null);
        env.reset(null, ResetOptions.NONE);
    }

    @AfterAll
    static void close() {
        env.close();
    }

    @Test
    void aFlatArrayOfTheWrongLengthIsRefusedWithTheExpectedShape() {
        assertThatThrownBy(() -> env.step(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actions must hold num_envs x action_dim = 3 x 1 = 3 numbers, got 2");
    }

    @Test
    void nestedActionsWithTheWrongNumberOfRowsOrRowLengthAreRefused() {
        assertThatThrownBy(() -> env.step(new double[][] {{0}, {0}}))
                .hasMessage("actions must have 3 rows (one per environment copy), got 2");
        assertThatThrownBy(() -> env.step(new double[][] {{0}, {0, 1}, {0}}))
                .hasMessage("actions[1] must hold 1 numbers (action_dim), got 2");
        assertThatThrownBy(() -> env.step(new double[][] {{0}, null, {0}}))
                .hasMessage("actions[1] must hold 1 numbers (action_dim), got 0");
    }

    @Test
    void missingActionsAreRefused() {
        assertThatThrownBy(() -> env.step((double[]) null)).hasMessage("actions are missing");
        assertThatThrownBy(() -> env.step((double[][]) null)).hasMessage("actions are missing");
    }

    @Test
    void nanAndInfinityAreRefusedNamingTheElement() {
        assertThatThrownBy(() -> env.step(new double[] {0, 0, Double.NaN}))
                .hasMessage("actions[2][0] is NaN; actions must be finite numbers");
        assertThatThrownBy(() -> env.step(new double[][] {{Double.NEGATIVE_INFINITY}, {0}, {0}}))
                .hasMessage("actions[0][0] is -Infinity; actions must be finite numbers");
    }

    @Test
    void valuesOutsideTheActionSpaceAreRefusedWithItsBounds() {
        assertThatThrownBy(() -> env.step(new double[] {0, 1.5, 0}))
                .hasMessage("actions[1][0] = 1.5 is outside the action space [-1.0, 1.0]");
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertThat(env.step(new double[] {-1, 1, 0}).rewards()).hasSize(3);
    }

    @Test
    void aSingleEnvironmentNamesItsActionTheSameWay() {
        try (Env single = Env.create("ur5e", "reach", 1L, null)) {
            single.reset(null, ResetOptions.NONE);
            assertThatThrownBy(() -> single.step(new double[] {0, 0}))
                    .hasMessage("action must hold 6 numbers (action_dim), got 2");
            assertThatThrownBy(() -> single.step(new double[] {0, 0, 0, 0, 0, -1.01}))
                    .hasMessage("action[5] = -1.01 is outside the action space [-1.0, 1.0]");
        }
    }

    @Test
    void aRefusedStepSimulatesNothing() {
        try (VectorEnv refused = VectorEnv.create("cartpole", "balance", 1L, 3, null);
                VectorEnv clean = VectorEnv.create("cartpole", "balance", 1L, 3, null)) {
            refused.reset(null, ResetOptions.NONE);
            clean.reset(null, ResetOptions.NONE);
            refused.step(new double[] {0.3, 0.3, 0.3});
            clean.step(new double[] {0.3, 0.3, 0.3});

            assertThatThrownBy(() -> refused.step(new double[] {0.3, 0.3, 7}));

            assertThat(refused.step(new double[] {-0.2, 0, 0.2}).observations())
                    .isDeepEqualTo(clean.step(new double[] {-0.2, 0, 0.2}).observations());
        }
    }
}
