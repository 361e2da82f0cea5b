package io.simcast.app.console.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.simcast.app.console.Eventually;
import io.simcast.app.console.session.Sessions;
import io.simcast.app.console.session.SimulationSession;
import io.simcast.sim.physics.SimCommand;
import io.simcast.streaming.input.KeyAction;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's keys and toolbar buttons become commands for a real simulation. */
class ControlViewModelTest {
    private final SimulationSession session = Sessions.running("pendulum");
    private final ControlViewModel controls = new ControlViewModel(session, Optional.empty());

    @AfterEach
    void stop() {
        session.close();
    }

    private void pause() {
        controls.perform(KeyAction.TOGGLE_PLAY);
        Eventually.await("the pause", () -> !session.snapshot().playing());
        controls.update(session.snapshot());
    }

    @Test
    void togglePlayPausesAndResumes() {
        assertThat(controls.playing().get()).isTrue();
        pause();
        assertThat(controls.playing().get()).isFalse();
        controls.perform(KeyAction.TOGGLE_PLAY);
        Eventually.await("playing again", () -> session.snapshot().playing());
    }

    @Test
    void stepAdvancesExactlyOneTimeStepWhilePaused() {
        pause();
        double before = session.snapshot().time();
        long steps = session.snapshot().steps();
        controls.perform(KeyAction.STEP);
        Eventually.await("the step", () -> session.snapshot().steps() == steps + 1);
        assertThat(session.snapshot().time() - before)
                .isCloseTo(session.snapshot().scene().model().timestep(), within(1e-12));
    }

    @Test
    void stepIsOfferedOnlyWhilePausedAsInSimulate() {
        assertThat(controls.canStep().get()).isFalse();
        pause();
        assertThat(controls.canStep().get()).isTrue();
    }

    @Test
    void resetReturnsToTheStart() {
        pause();
        controls.perform(KeyAction.STEP);
        Eventually.await("the step", () -> session.snapshot().time() > 0);
        controls.perform(KeyAction.RESET);
        Eventually.await("the reset", () -> session.snapshot().time() == 0);
    }

    @Test
    void speedHalvesAndDoublesWithinItsLimits() {
        controls.perform(KeyAction.SLOWER);
        Eventually.await("half speed", () -> session.snapshot().speed() == 0.5);
        for (int i = 0; i < 10; i++) {
            double speed = session.snapshot().speed();
            controls.perform(KeyAction.FASTER);
            Eventually.await("a faster speed", () -> session.snapshot().speed() == Math.min(speed * 2,
                    SimCommand.MAX_SPEED));
        }
        assertThat(session.snapshot().speed()).isEqualTo(SimCommand.MAX_SPEED);
    }
}
