package io.simcast.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.TestScenes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StateProbeTest {
    @Test
    void theSameSnapshotReadsFromTheLastForwardPassAndANewOneGetsItsOwn() throws Exception {
        try (Simulation simulation = Simulation.start(TestScenes.compile(TestScenes.PENDULUM),
                new Simulation.Options(false, 1, true));
             StateProbe probe = new StateProbe()) {
            SimulationSnapshot paused = simulation.snapshot();
            StateProbe.Derived first = probe.read(paused);
            assertThat(probe.read(paused)).isSameAs(first);

            SimulationSnapshot stepped = simulation.submit(new SimCommand.Step(200)).get(1, TimeUnit.MINUTES);
            StateProbe.Derived later = probe.read(stepped);
            assertThat(later).isNotSameAs(first);
            assertThat(later.snapshot()).isSameAs(stepped);
            assertThat(later.bodyQuaternions()).isNotEqualTo(first.bodyQuaternions()); // the arm swung down
        }
    }
}
