package io.simcast.app.console.keys;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;

/**
 * JavaFX key codes as DOM {@code KeyboardEvent.code} names ("Space", "ArrowRight", "KeyA", "BracketLeft"), the names
 * of the one key table both the console and the browser page use ({@code io.simcast.streaming.input.KeyMap}).
 * Covers the keys of a US keyboard's main block, the arrows and editing keys, and the function keys; modifier keys
 * have no entry. Immutable; any thread.
 */
public final class DomCodes {
    private static final Map<KeyCode, String> NAMES = names();

    private DomCodes() {}

    /** The DOM code name of {@code key}, if it has one here. */
    public static Optional<String> of(KeyCode key) {
        return Optional.ofNullable(NAMES.get(key));
    }

    private static Map<KeyCode, String> names() {
        Map<KeyCode, String> names = new EnumMap<>(KeyCode.class);
        for (KeyCode key : KeyCode.values()) {
            String name = key.getName();
            if (key.isLetterKey() && name.length() == 1) {
                names.put(key, "Key" + name);
            } else if (key.isDigitKey() && key.name().startsWith("DIGIT")) {
                names.put(key, "Digit" + key.name().substring(5));
            } else if (key.isDigitKey() && key.name().startsWith("NUMPAD")) {
                names.put(key, "Numpad" + key.name().substring(6));
            } else if (key.isFunctionKey()) {
                names.put(key, key.name());
            }
        }
        names.put(KeyCode.SPACE, "Space");
        names.put(KeyCode.ENTER, "Enter");
        names.put(KeyCode.ESCAPE, "Escape");
        names.put(KeyCode.BACK_SPACE, "Backspace");
        names.put(KeyCode.TAB, "Tab");
        names.put(KeyCode.DELETE, "Delete");
        names.put(KeyCode.INSERT, "Insert");
        names.put(KeyCode.HOME, "Home");
        names.put(KeyCode.END, "End");
        names.put(KeyCode.PAGE_UP, "PageUp");
        names.put(KeyCode.PAGE_DOWN, "PageDown");
        names.put(KeyCode.LEFT, "ArrowLeft");
        names.put(KeyCode.RIGHT, "ArrowRight");
        names.put(KeyCode.UP, "ArrowUp");
        names.put(KeyCode.DOWN, "ArrowDown");
        names.put(KeyCode.MINUS, "Minus");
        names.put(KeyCode.EQUALS, "Equal");
        names.put(KeyCode.OPEN_BRACKET, "BracketLeft");
        names.put(KeyCode.CLOSE_BRACKET, "BracketRight");
        names.put(KeyCode.BACK_SLASH, "Backslash");
        names.put(KeyCode.SEMICOLON, "Semicolon");
        names.put(KeyCode.QUOTE, "Quote");
        names.put(KeyCode.BACK_QUOTE, "Backquote");
        names.put(KeyCode.COMMA, "Comma");
        names.put(KeyCode.PERIOD, "Period");
        names.put(KeyCode.SLASH, "Slash");
        return Map.copyOf(names);
    }
}
