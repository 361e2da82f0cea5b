package io.simcast.app.console.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.control.ControlViewModel;
import io.simcast.sim.physics.Perturbation;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.SolverStats;
import io.simcast.sim.physics.StepTimers;
import io.simcast.sim.physics.SimulationSource;
import io.simcast.sim.render.ViewCameras;
import io.simcast.sim.render.ViewInput;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.input.Commands;
import io.simcast.streaming.input.Control;
import io.simcast.streaming.input.InputEvent;
import io.simcast.streaming.input.KeyAction;
import io.simcast.streaming.input.KeyMap;
import io.simcast.streaming.input.Steering;
import io.simcast.streaming.input.SteeringProvider;
import io.simcast.streaming.input.ViewerInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/**
 * A key does the same in the console and in the browser page, compared by what each asks of the simulation and of
 * the view's camera (not only by the key table): the page's path is the host's real {@link ViewerInput} fed the key
 * event the page sends; the console's is its key lookup ({@link ConsoleKey}, as the window's key handler does it)
 * into its real {@link ControlViewModel}, which the toolbar buttons call too. Both record into the same kind of
 * simulation and view, for every key in every state: playing or paused, speed at its least, 1 and its most, the
 * view on the free camera or a fixed one.
 */
class KeyCommandParityTest {
    private static final double[] SPEEDS = {SimCommand.MIN_SPEED, 1, SimCommand.MAX_SPEED};

    /** A simulation in a state the test chose and a view, both recording what they are asked to do. */
    private static final class Recorder implements SimulationSource, ViewCameras {
        private final SimulationSnapshot state;
        private final List<Object> asked = new ArrayList<>();

        Recorder(boolean playing, double speed) {
            state = new SimulationSnapshot(1, null, 1, playing, true, speed, 0, 0, new double[0], new double[0],
                    new double[0], new double[0], new double[0], new double[0], 0, 0, 0, SolverStats.NONE, StepTimers.OFF, 0, 0,
                0, Perturbation.NONE, 0);
        }

        @Override
        public SimulationSnapshot snapshot() {
            return state;
        }

        @Override
        public CompletableFuture<SimulationSnapshot> submit(SimCommand command) {
            asked.add(command);
            return CompletableFuture.completedFuture(state);
        }

        @Override
        public void nextCamera() {
            asked.add("next camera");
        }

        @Override
        public void previousCamera() {
            asked.add("previous camera");
        }

        @Override
        public void useFreeCamera() {
            asked.add("free camera");
        }
    }

    /** The page's key code of {@code action}. */
    private static String domCode(KeyAction action) {
        return KeyMap.table().entrySet().stream().filter(entry -> entry.getValue() == action).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no key for " + action));
    }

    /** The browser page's path: the key event as the page sends it, through the viewer's input. */
    private static void browser(Recorder recorder, KeyAction action) {
        // A viewer steering a view of its own; only keys are sent, so its pointer gestures are never used.
        Steering steering = new Steering(null, new ViewInput(null), recorder);
        ViewerInput input = new ViewerInput(recorder, VideoFormat.DEFAULT, new SteeringProvider() {
            @Override
            public Steering current() {
                return steering;
            }

            @Override
            public Steering claim() {
                return steering;
            }
        }, moved -> { });
        input.apply(new InputEvent.Key(true, domCode(action), false, false, false, false));
        input.apply(new InputEvent.Key(false, domCode(action), false, false, false, false));
    }

    /** The console's path: the JavaFX key press, looked up as the window does, into the controls' view-model. */
    private static void console(Recorder recorder, KeyAction action) {
        KeyCode key = Arrays.stream(KeyCode.values())
                .filter(code -> DomCodes.of(code).equals(Optional.of(domCode(action)))).findFirst().orElseThrow();
        KeyEvent press = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false);
        ControlViewModel controls = new ControlViewModel(recorder, Optional.of(recorder));
        ConsoleKey.of(press).flatMap(ConsoleKey::action).ifPresent(controls::perform);
    }

    /** What pressing {@code action} asks for through {@code path}, in the given state. */
    private static List<Object> asked(BiConsumer<Recorder, KeyAction> path, KeyAction action, boolean playing,
                                      double speed, boolean fixedCamera) {
        Recorder recorder = new Recorder(playing, speed);
        if (fixedCamera) {
            path.accept(recorder, KeyAction.NEXT_CAMERA); // from the free camera to the model's first
            recorder.asked.clear();
        }
        path.accept(recorder, action);
        return recorder.asked;
    }

    @Test
    void everyKeyAsksTheSameOfTheSimulationAndTheViewInTheConsoleAndThePage() {
        for (KeyAction action : KeyAction.values()) {
            for (boolean playing : new boolean[] {true, false}) {
                for (double speed : SPEEDS) {
                    for (boolean fixedCamera : new boolean[] {false, true}) {
                        List<Object> page = asked(KeyCommandParityTest::browser, action, playing, speed, fixedCamera);
                        List<Object> console = asked(KeyCommandParityTest::console, action, playing, speed,
                                fixedCamera);
                        assertThat(console).as("%s, %s at speed %s, %s camera", action,
                                playing ? "playing" : "paused", speed, fixedCamera ? "fixed" : "free")
                                .isEqualTo(page);
                    }
                }
            }
        }
    }

    @Test
    void eachOverlayKeyTogglesTheSamePanelInTheConsoleAndThePage() {
        for (KeyAction action : KeyAction.values()) {
            List<Control.Panel> console = new ArrayList<>();
            KeyCode key = Arrays.stream(KeyCode.values())
                    .filter(code -> DomCodes.of(code).equals(Optional.of(domCode(action)))).findFirst().orElseThrow();
            ControlViewModel controls = new ControlViewModel(new Recorder(true, 1), Optional.empty());
            controls.onPanelKey(console::add);
            ConsoleKey.of(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false))
                    .flatMap(ConsoleKey::action).ifPresent(controls::perform);
            // The page toggles its panel by the table the host sends it (the `keys` message).
            Optional<String> page = Optional.ofNullable(Commands.panelKeys().get(domCode(action)));
            assertThat(console.stream().map(Control.Panel::id).findFirst()).as("%s", action).isEqualTo(page);
        }
        assertThat(Commands.panelKeys()).containsKeys("F1", "F2", "F3", "F4");
    }

    @Test
    void rightArrowStepsOnlyWhilePausedInBoth() {
        for (BiConsumer<Recorder, KeyAction> path : List.<BiConsumer<Recorder, KeyAction>>of(
                KeyCommandParityTest::browser, KeyCommandParityTest::console)) {
            assertThat(asked(path, KeyAction.STEP, true, 1, false)).isEmpty();
            assertThat(asked(path, KeyAction.STEP, false, 1, false)).containsExactly(new SimCommand.Step(1));
        }
    }

    @Test
    void whatTheKeysAskFor() {
        assertThat(asked(KeyCommandParityTest::console, KeyAction.TOGGLE_PLAY, true, 1, false))
                .containsExactly(new SimCommand.TogglePlay());
        assertThat(asked(KeyCommandParityTest::console, KeyAction.RESET, false, 1, true))
                .containsExactly(new SimCommand.Reset());
        // Halve or double the speed the physics thread holds when it applies the key (it stops at 1/16 and 16:
        // SimulationTest), not a speed computed from a possibly stale snapshot.
        assertThat(asked(KeyCommandParityTest::console, KeyAction.SLOWER, true, 1, false))
                .containsExactly(new SimCommand.ScaleSpeed(0.5));
        assertThat(asked(KeyCommandParityTest::console, KeyAction.SLOWER, true, SimCommand.MIN_SPEED, false))
                .containsExactly(new SimCommand.ScaleSpeed(0.5));
        assertThat(asked(KeyCommandParityTest::console, KeyAction.FASTER, true, SimCommand.MAX_SPEED, false))
                .containsExactly(new SimCommand.ScaleSpeed(2));
        assertThat(asked(KeyCommandParityTest::console, KeyAction.PREVIOUS_CAMERA, true, 1, true))
                .containsExactly("previous camera");
        assertThat(asked(KeyCommandParityTest::console, KeyAction.FREE_CAMERA, false, 1, true))
                .containsExactly("free camera");
    }
}
