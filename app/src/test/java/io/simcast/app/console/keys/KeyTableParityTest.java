package io.simcast.app.console.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.input.KeyAction;
import io.simcast.streaming.input.KeyMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/**
 * The console and the browser page read one key table: every key the page's table knows does the same in the
 * console, and every console key with a simulation or camera action is in that table.
 */
class KeyTableParityTest {

    private static KeyEvent press(KeyCode code, boolean shift, boolean control, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, control, alt, false);
    }

    /** The JavaFX key whose DOM code name is {@code code}. */
    private static KeyCode javaFxKey(String code) {
        return Arrays.stream(KeyCode.values()).filter(key -> DomCodes.of(key).equals(Optional.of(code))).findFirst()
                .orElseThrow(() -> new AssertionError("no JavaFX key is named " + code));
    }

    @Test
    void everyKeyOfTheSharedTableDoesTheSameInTheConsole() {
        for (Map.Entry<String, KeyAction> entry : KeyMap.table().entrySet()) {
            KeyEvent event = press(javaFxKey(entry.getKey()), false, false, false);

            assertThat(ConsoleKey.of(event).flatMap(ConsoleKey::action)).as(entry.getKey()).contains(entry.getValue());
            assertThat(KeyMap.action(entry.getKey(), false, false, false)).contains(entry.getValue());
        }
    }

    @Test
    void everyConsoleKeyWithAnActionIsInTheSharedTable() {
        for (ConsoleKey key : ConsoleKey.values()) {
            key.action().ifPresent(action -> assertThat(KeyMap.table()).as(key.name()).containsValue(action));
        }
        assertThat(Arrays.stream(ConsoleKey.values()).filter(key -> key.action().isPresent()).count())
                .isEqualTo(KeyAction.values().length);
    }

    @Test
    void withCtrlOrAltTheSimulationKeysAreLeftAloneAsInThePage() {
        assertThat(ConsoleKey.of(press(KeyCode.SPACE, false, true, false))).isEmpty();
        assertThat(ConsoleKey.of(press(KeyCode.MINUS, false, false, true))).isEmpty();
        assertThat(ConsoleKey.of(press(KeyCode.SPACE, true, false, false))).contains(ConsoleKey.TOGGLE_PLAY);
    }

    @Test
    void ctrlPIsTheConsolesOwnScreenshotKey() {
        assertThat(ConsoleKey.of(press(KeyCode.P, false, true, false))).contains(ConsoleKey.SCREENSHOT);
        assertThat(ConsoleKey.of(press(KeyCode.P, false, false, false))).isEmpty();
        assertThat(KeyMap.action("KeyP", true, false, false)).isEmpty();
    }

    @Test
    void domNamesFollowTheKeyboardEventCodeSpelling() {
        assertThat(DomCodes.of(KeyCode.A)).contains("KeyA");
        assertThat(DomCodes.of(KeyCode.DIGIT7)).contains("Digit7");
        assertThat(DomCodes.of(KeyCode.NUMPAD3)).contains("Numpad3");
        assertThat(DomCodes.of(KeyCode.F5)).contains("F5");
        assertThat(DomCodes.of(KeyCode.RIGHT)).contains("ArrowRight");
        assertThat(DomCodes.of(KeyCode.SHIFT)).isEmpty();
    }
}
