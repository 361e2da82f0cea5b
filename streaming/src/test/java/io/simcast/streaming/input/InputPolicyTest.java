package io.simcast.streaming.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.render.Modifiers;
import io.simcast.sim.render.PointerButton;
import io.simcast.streaming.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputPolicyTest {
    private static final Modifiers CTRL = new Modifiers(false, true);

    private static final List<InputEvent> CAMERA = List.of(
            new InputEvent.Press(true, 1, 1, PointerButton.LEFT, Modifiers.NONE),
            new InputEvent.Press(true, 1, 1, PointerButton.MIDDLE, CTRL),
            new InputEvent.PointerMove(5, 5, 1, CTRL),
            new InputEvent.Press(false, 5, 5, PointerButton.RIGHT, CTRL),
            new InputEvent.Wheel(0, -100),
            new InputEvent.DoubleClick(1, 1, PointerButton.RIGHT, CTRL),
            new InputEvent.Key(true, "BracketRight", false, false, false, false),
            new InputEvent.Key(true, "Escape", false, false, false, false),
            new InputEvent.Key(true, "KeyQ", false, false, false, false),
            new InputEvent.Key(false, "Space", false, false, false, false));

    @Test
    void aViewerMaySteerItsOwnCamera() {
        for (InputEvent event : CAMERA) {
            assertThat(InputPolicy.refusal(Role.VIEWER, event)).as("%s", event).isNull();
        }
    }

    @Test
    void aViewerMayNotCommandPressSimulationKeysSelectOrPerturbAndIsToldWhy() {
        assertThat(InputPolicy.refusal(Role.VIEWER, new InputEvent.Command("reset", new SimCommand.Reset())))
                .isEqualTo("A viewer link may move only its own camera, not run 'reset'; ask the host for a controller"
                        + " link");
        assertThat(InputPolicy.refusal(Role.VIEWER, new InputEvent.Key(true, "Space", false, false, false, false)))
                .isEqualTo("A viewer link may move only its own camera; Space changes the simulation for everyone."
                        + " Ask the host for a controller link");
        assertThat(InputPolicy.refusal(Role.VIEWER, new InputEvent.Press(true, 1, 1, PointerButton.RIGHT, CTRL)))
                .isEqualTo("A viewer link may move only its own camera, not bodies (Ctrl+drag); ask the host for a"
                        + " controller link");
        assertThat(InputPolicy.refusal(Role.VIEWER, new InputEvent.DoubleClick(1, 1, PointerButton.LEFT,
                Modifiers.NONE))).isEqualTo("A viewer link may move only its own camera, not select bodies; ask the"
                        + " host for a controller link");
    }

    @Test
    void aControllerAndTheOperatorMayDoAllOfIt() {
        InputEvent perturb = new InputEvent.Press(true, 1, 1, PointerButton.LEFT, CTRL);
        InputEvent pause = new InputEvent.Command("pause", new SimCommand.Pause());

        for (Role role : List.of(Role.CONTROLLER, Role.OPERATOR)) {
            assertThat(InputPolicy.refusal(role, perturb)).isNull();
            assertThat(InputPolicy.refusal(role, pause)).isNull();
        }
    }
}
