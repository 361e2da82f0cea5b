package io.simcast.app.console.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.SimulationEvent;
import org.junit.jupiter.api.Test;

class LogViewModelTest {
    private final LogViewModel log = new LogViewModel();

    @Test
    void logsWhatTheSimulationReportsDivergencesAsProblems() {
        log.simulationEvent(new SimulationEvent.Diverged("humanoid", 1.5, "NaN in the state"));
        log.simulationEvent(new SimulationEvent.Reset("humanoid"));
        assertThat(log.entries()).extracting(LogViewModel.Entry::text).containsExactly(
                "humanoid diverged at t = 1.500 s (NaN in the state) and was reset", "humanoid was reset");
        assertThat(log.entries()).extracting(LogViewModel.Entry::problem).containsExactly(true, false);
        assertThat(log.entries().getFirst().toString()).matches("\\d\\d:\\d\\d:\\d\\d  humanoid diverged.*");
    }

    @Test
    void keepsTheNewestThousandLines() {
        for (int i = 0; i < 1010; i++) {
            log.info("line " + i);
        }
        assertThat(log.entries()).hasSize(1000);
        assertThat(log.entries().getFirst().text()).isEqualTo("line 10");
    }
}
