package io.simcast.streaming.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.render.Modifiers;
import io.simcast.sim.render.PointerButton;
import io.simcast.streaming.Role;
import io.simcast.streaming.http.Json;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InputTest {
    @Test
    void theKeyMapIsSimulatesKeysByDomCode() {
        assertThat(KeyMap.table()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Space", KeyAction.TOGGLE_PLAY),
                Map.entry("ArrowRight", KeyAction.STEP),
                Map.entry("Backspace", KeyAction.RESET),
                Map.entry("Minus", KeyAction.SLOWER),
                Map.entry("Equal", KeyAction.FASTER),
                Map.entry("BracketLeft", KeyAction.PREVIOUS_CAMERA),
                Map.entry("BracketRight", KeyAction.NEXT_CAMERA),
                Map.entry("Escape", KeyAction.FREE_CAMERA),
                Map.entry("F1", KeyAction.HELP), // simulate 2.2.2's overlay keys
                Map.entry("F2", KeyAction.INFO),
                Map.entry("F3", KeyAction.PROFILER),
                Map.entry("F4", KeyAction.SENSORS)));
    }

    @Test
    void keysWithCtrlAltOrMetaAreLeftToTheBrowser() {
        assertThat(KeyMap.action("Space", false, false, false)).hasValue(KeyAction.TOGGLE_PLAY);
        assertThat(KeyMap.action("Space", true, false, false)).isEmpty();
        assertThat(KeyMap.action("KeyQ", false, false, false)).isEmpty();
    }

    @Test
    void seedProtocolEventsParse() {
        assertThat(InputEvent.parse(Json.parse("{\"type\":\"mouse_move\",\"x\":120,\"y\":240,\"buttons\":1}")))
                .isEqualTo(new InputEvent.PointerMove(120, 240, 1, Modifiers.NONE));
        assertThat(InputEvent.parse(Json.parse("{\"type\":\"mouse_down\",\"x\":1,\"y\":2,\"button\":2,\"shift\":true}")))
                .isEqualTo(new InputEvent.Press(true, 1, 2, PointerButton.RIGHT, Modifiers.SHIFT));
        assertThat(InputEvent.parse(Json.parse("{\"type\":\"wheel\",\"dx\":0,\"dy\":-120}")))
                .isEqualTo(new InputEvent.Wheel(0, -120));
        assertThat(InputEvent.parse(Json.parse("{\"type\":\"key_down\",\"code\":\"Space\",\"ctrl\":false}")))
                .isEqualTo(new InputEvent.Key(true, "Space", false, false, false, false));
    }

    @Test
    void anEventWrappedAsTheOriginalViewersClientsSendItParsesAsTheEventInside() {
        assertThat(InputEvent.isInputType("event")).isTrue();
        assertThat(InputEvent.parse(Json.parse("{\"type\":\"event\",\"data\":{\"type\":\"wheel\",\"dy\":-100}}")))
                .isEqualTo(new InputEvent.Wheel(0, -100));
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"type\":\"event\",\"data\":{\"type\":\"event\"}}")))
                .hasMessage("'event' needs \"data\": an input event");
    }

    @Test
    void aCameraEventChoosesAFixedCameraOrTheDefaultOneAndAViewerMaySendIt() {
        assertThat(InputEvent.parse(Json.parse("{\"type\":\"camera\",\"fixed\":2}")))
                .isEqualTo(new InputEvent.Camera(OptionalInt.of(2)));
        assertThat(InputEvent.parse(Json.parse("{\"type\":\"camera\"}")))
                .isEqualTo(new InputEvent.Camera(OptionalInt.empty()));
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"type\":\"camera\",\"fixed\":-1}")))
                .hasMessage("'camera' needs \"fixed\": the index of one of the model's cameras, from 0");
        assertThat(InputPolicy.refusal(Role.VIEWER, new InputEvent.Camera(OptionalInt.of(0)))).isNull();
    }

    @Test
    void malformedEventsNameTheirProblem() {
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"type\":\"mouse_move\",\"x\":\"left\",\"y\":1}")))
                .hasMessage("'mouse_move' needs \"x\": a number");
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"type\":\"mouse_down\",\"x\":1,\"y\":1,\"button\":7}")))
                .hasMessage("'mouse_down' needs \"button\": 0 (left), 1 (middle) or 2 (right)");
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"type\":\"key_down\"}")))
                .hasMessage("'key_down' needs \"code\": a KeyboardEvent.code name such as \"Space\"");
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"x\":1}"))).hasMessage("Message has no \"type\"");
    }

    @Test
    void commandsBecomeSimCommands() {
        assertThat(Commands.parse("pause", null)).isEqualTo(new SimCommand.Pause());
        assertThat(Commands.parse("step", Json.parse("{\"count\": 5}"))).isEqualTo(new SimCommand.Step(5));
        assertThat(Commands.parse("step", null)).isEqualTo(new SimCommand.Step(1));
        assertThat(Commands.parse("speed", Json.parse("{\"factor\": 0.5}"))).isEqualTo(new SimCommand.SetSpeed(0.5));
        assertThatThrownBy(() -> Commands.parse("step", Json.parse("{\"count\": 1.5}")))
                .hasMessage("step needs params.count, a whole number of steps, got 1.5");
    }
}
