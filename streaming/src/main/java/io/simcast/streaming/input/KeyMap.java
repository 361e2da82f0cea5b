package io.simcast.streaming.input;

import java.util.Map;
import java.util.Optional;

/**
 * The one key table of Simcast, shared by the browser page (which sends raw key events) and the JavaFX console:
 * keyed by DOM {@code KeyboardEvent.code} names, which name the physical key whatever the keyboard layout. The keys
 * are MuJoCo simulate's. Keys pressed with Ctrl, Alt or Meta are left to the browser or the desktop. Immutable.
 */
public final class KeyMap {
    private static final Map<String, KeyAction> BY_CODE = Map.of(
            "Space", KeyAction.TOGGLE_PLAY,
            "ArrowRight", KeyAction.STEP,
            "Backspace", KeyAction.RESET,
            "Minus", KeyAction.SLOWER,
            "Equal", KeyAction.FASTER,
            "BracketLeft", KeyAction.PREVIOUS_CAMERA,
            "BracketRight", KeyAction.NEXT_CAMERA,
            "Escape", KeyAction.FREE_CAMERA);

    private KeyMap() {}

    /** The action of a key press, if the key has one and no Ctrl/Alt/Meta is held. */
    public static Optional<KeyAction> action(String code, boolean ctrl, boolean alt, boolean meta) {
        if (ctrl || alt || meta) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The whole table, DOM code to action (the console maps its key codes onto these names). */
    public static Map<String, KeyAction> table() {
        return BY_CODE;
    }
}
