package io.simcast.app.console.keys;

import io.simcast.streaming.input.KeyAction;
import io.simcast.streaming.input.KeyMap;
import java.util.Arrays;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The console's keys. The simulation and camera keys are the shared table's ({@link KeyMap}, keyed by DOM
 * {@code code} names, which the browser page uses too): a JavaFX key press is named through {@link DomCodes} and
 * looked up there, so the console and the page cannot disagree. Ctrl+P (a screenshot of the live view) is the
 * console's own: the page leaves Ctrl combinations to the browser. Immutable.
 */
public enum ConsoleKey {
    TOGGLE_PLAY(KeyAction.TOGGLE_PLAY),
    STEP(KeyAction.STEP),
    RESET(KeyAction.RESET),
    SLOWER(KeyAction.SLOWER),
    FASTER(KeyAction.FASTER),
    PREVIOUS_CAMERA(KeyAction.PREVIOUS_CAMERA),
    NEXT_CAMERA(KeyAction.NEXT_CAMERA),
    FREE_CAMERA(KeyAction.FREE_CAMERA),
    HELP(KeyAction.HELP),
    INFO(KeyAction.INFO),
    PROFILER(KeyAction.PROFILER),
    SENSORS(KeyAction.SENSORS),
    /** Saves the live view's picture to a file; the console's alone. */
    SCREENSHOT("Ctrl+P");

    private final Optional<KeyAction> action;
    private final String label;

    /** A key of the shared table, named as the table names it. */
    ConsoleKey(KeyAction action) {
        this.action = Optional.of(action);
        this.label = KeyMap.labelOf(action);
    }

    /** One of the console's own keys. */
    ConsoleKey(String label) {
        this.action = Optional.empty();
        this.label = label;
    }

    /** The key as the toolbar's tooltips and the help page name it. */
    public String label() {
        return label;
    }

    /** What the shared table calls this key's action; empty for the console's own keys. */
    public Optional<KeyAction> action() {
        return action;
    }

    /** The console key a key press means, if any. */
    public static Optional<ConsoleKey> of(KeyEvent event) {
        if (event.getCode() == KeyCode.P && event.isShortcutDown() && !event.isAltDown() && !event.isShiftDown()) {
            return Optional.of(SCREENSHOT);
        }
        return DomCodes.of(event.getCode())
                .flatMap(code -> KeyMap.action(code, event.isControlDown(), event.isAltDown(), event.isMetaDown()))
                .map(ConsoleKey::of);
    }

    /** The console key of a shared table action. */
    public static ConsoleKey of(KeyAction action) {
        return Arrays.stream(values()).filter(key -> key.action.equals(Optional.of(action))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no console key for " + action));
    }
}
