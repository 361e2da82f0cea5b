package io.simcast.streaming.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.physics.Perturbation;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.SolverStats;
import io.simcast.sim.physics.StepTimers;
import io.simcast.streaming.http.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys and named commands share one definition: a simulation key asks for what its named command asks for. */
class CommandsTest {

    private static SimulationSnapshot state(boolean playing, double speed) {
        return new SimulationSnapshot(1, null, 1, playing, true, speed, 0, 0, new double[0], new double[0],
                new double[0], new double[0], new double[0], new double[0], 0, 0, 0, SolverStats.NONE, StepTimers.OFF,
                0, 0, 0, Perturbation.NONE, 0);
    }

    private static Optional<Control> key(KeyAction action, boolean playing, double speed) {
        return Commands.perform(action, state(playing, speed));
    }

    private static Optional<Control> named(String cmd, String params) {
        return Optional.of(new Control.Simulate(Commands.parse(cmd, params == null ? null : Json.parse(params))));
    }

    private static Control simulate(SimCommand command) {
        return new Control.Simulate(command);
    }

    @Test
    void eachSimulationKeyIsANamedCommand() {
        for (boolean playing : new boolean[] {true, false}) {
            assertThat(key(KeyAction.TOGGLE_PLAY, playing, 1)).isEqualTo(named("toggle", null));
            assertThat(key(KeyAction.RESET, playing, 1)).isEqualTo(named("reset", null));
            assertThat(key(KeyAction.SLOWER, playing, 2)).isEqualTo(named("slower", null));
            assertThat(key(KeyAction.FASTER, playing, 2)).isEqualTo(named("faster", null));
        }
        assertThat(key(KeyAction.STEP, false, 1)).isEqualTo(named("step", "{\"count\": 1}"));
    }

    @Test
    void simulates222FunctionKeysShowAndHideTheClientsOverlaysInEveryState() {
        for (boolean playing : new boolean[] {true, false}) {
            assertThat(key(KeyAction.HELP, playing, 1)).contains(Control.Panel.HELP);
            assertThat(key(KeyAction.INFO, playing, 1)).contains(Control.Panel.INFO);
            assertThat(key(KeyAction.PROFILER, playing, 1)).contains(Control.Panel.PROFILER);
            assertThat(key(KeyAction.SENSORS, playing, 1)).contains(Control.Panel.SENSORS);
        }
        assertThat(KeyMap.action("F3", false, false, false)).contains(KeyAction.PROFILER);
        assertThat(KeyMap.action("F3", true, false, false)).as("Ctrl+F3 is the browser's").isEmpty();
        assertThat(Commands.panelKeys()).as("what the page is told").containsExactly(
                java.util.Map.entry("F1", "help"), java.util.Map.entry("F2", "info"),
                java.util.Map.entry("F3", "profiler"), java.util.Map.entry("F4", "sensors"));
    }

    @Test
    void rightArrowStepsOnlyWhilePausedAsInSimulate() {
        assertThat(key(KeyAction.STEP, true, 1)).isEmpty();
        assertThat(key(KeyAction.STEP, false, 1)).contains(new Control.Simulate(new SimCommand.Step(1)));
    }

    /** The physics thread halves or doubles the factor it holds (SimulationTest: within the limits). */
    @Test
    void speedKeysHalveAndDoubleWhateverSpeedThePresserLastSawWhereANamedSpeedOutOfRangeIsRefused() {
        for (double seen : new double[] {SimCommand.MIN_SPEED, 1, SimCommand.MAX_SPEED}) {
            assertThat(key(KeyAction.SLOWER, true, seen)).contains(simulate(new SimCommand.ScaleSpeed(0.5)));
            assertThat(key(KeyAction.FASTER, true, seen)).contains(simulate(new SimCommand.ScaleSpeed(2)));
        }
        assertThatThrownBy(() -> Commands.parse("speed", Json.parse("{\"factor\": 32}")))
                .hasMessage("speed must be between 1/16 and 16, got 32.0");
    }

    @Test
    void cameraKeysChangeTheViewWhateverTheSimulationDoes() {
        for (boolean playing : new boolean[] {true, false}) {
            assertThat(key(KeyAction.PREVIOUS_CAMERA, playing, 1)).contains(Control.Camera.PREVIOUS);
            assertThat(key(KeyAction.NEXT_CAMERA, playing, 1)).contains(Control.Camera.NEXT);
            assertThat(key(KeyAction.FREE_CAMERA, playing, 1)).contains(Control.Camera.FREE);
        }
    }

    /** InputPolicy lets a viewer press exactly the keys that only change its own camera. */
    @Test
    void theKeysCalledCameraKeysAreTheOnesThatChangeOnlyTheView() {
        for (KeyAction action : KeyAction.values()) {
            assertThat(key(action, false, 1).filter(Control.Camera.class::isInstance).isPresent()).as(action.name())
                    .isEqualTo(action.isCamera());
        }
    }
}
