package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RlCatalogTest {
    private final RlCatalog catalog = RlCatalog.builtIn();

    @Test
    void listsEveryRobotWithItsTasksAndSpaceSizes() {
        assertThat(catalog.robots()).extracting(RobotSpec::id, RobotSpec::title).containsExactly(
                tuple("cartpole", "Cart-pole"), tuple("panda", "Franka Panda arm"), tuple("ur5e", "UR5e arm"),
                tuple("anymal", "ANYmal quadruped"));
        assertThat(catalog.robots().stream().flatMap(r -> r.tasks().stream()))
                .extracting(t -> t.robot() + "/" + t.id(), t -> t.observationSpace().size(),
                        t -> t.actionSpace().size(), TaskSpec::maxEpisodeSteps)
                .containsExactly(
                        tuple("cartpole/balance", 4, 1, 500),
                        tuple("cartpole/swing-up", 5, 1, 1000),
                        tuple("panda/reach", 30, 7, 250),
                        tuple("panda/pick-cube", 44, 8, 150),
                        tuple("ur5e/reach", 27, 6, 250),
                        tuple("anymal/walk", 48, 12, 1000));
    }

    @Test
    void everyActionSpaceIsTheUnitBoxInFloat32() {
        catalog.robots().stream().flatMap(r -> r.tasks().stream()).forEach(task -> {
            assertThat(task.actionSpace()).isEqualTo(Box.of(task.actionSpace().size(), -1, 1));
            assertThat(task.actionSpace().dtype()).isEqualTo("float32");
        });
    }

    @Test
    void unknownRobotsAndTasksAreNamedWithWhatExists() {
        assertThatThrownBy(() -> catalog.spec("spot", "walk")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("Unknown robot 'spot'. Robots: cartpole, panda, ur5e, anymal");
        assertThatThrownBy(() -> catalog.spec("panda", "walk")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("Robot 'panda' has no task 'walk'. Its tasks: reach, pick-cube");
    }
}
