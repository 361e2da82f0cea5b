package io.simcast.streaming.input;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one key table of Simcast, shared by the browser page (which sends raw key events) and the JavaFX console:
 * keyed by DOM {@code KeyboardEvent.code} names, which name the physical key whatever the keyboard layout. The keys
 * are MuJoCo simulate's (2.2.2's F1 to F4 show its help, info, profiler and sensor overlays; F5, full screen, is
 * the browser's and the desktop's). Keys pressed with Ctrl, Alt or Meta are left to the browser or the desktop.
 * Immutable.
 */
public final class KeyMap {
    private static final Map<String, KeyAction> BY_CODE = Map.ofEntries(
            Map.entry("Space", KeyAction.TOGGLE_PLAY),
            Map.entry("ArrowRight", KeyAction.STEP),
            Map.entry("Backspace", KeyAction.RESET),
            Map.entry("Minus", KeyAction.SLOWER),
            Map.entry("Equal", KeyAction.FASTER),
            Map.entry("BracketLeft", KeyAction.PREVIOUS_CAMERA),
            Map.entry("BracketRight", KeyAction.NEXT_CAMERA),
            Map.entry("Escape", KeyAction.FREE_CAMERA),
            Map.entry("F1", KeyAction.HELP),
            Map.entry("F2", KeyAction.INFO),
            Map.entry("F3", KeyAction.PROFILER),
            Map.entry("F4", KeyAction.SENSORS));
    /** How the help names each key of the table (DOM codes are for programs). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("Space", "Space"),
            Map.entry("ArrowRight", "Right arrow"),
            Map.entry("Backspace", "Backspace"),
            Map.entry("Minus", "-"),
            Map.entry("Equal", "="),
            Map.entry("BracketLeft", "["),
            Map.entry("BracketRight", "]"),
            Map.entry("Escape", "Esc"),
            Map.entry("F1", "F1"),
            Map.entry("F2", "F2"),
            Map.entry("F3", "F3"),
            Map.entry("F4", "F4"));

    private KeyMap() {}

    /** The action of a key press, if the key has one and no Ctrl/Alt/Meta is held. */
    public static Optional<KeyAction> action(String code, boolean ctrl, boolean alt, boolean meta) {
        if (ctrl || alt || meta) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The name a person reads for a key of the table ("Right arrow" for {@code ArrowRight}). */
    public static String label(String code) {
        return LABELS.getOrDefault(code, code);
    }

    /** How the help names the keys of {@code action} ({@code "- / ="} style when several do it; "" when none). */
    public static String labelOf(KeyAction action) {
        return BY_CODE.entrySet().stream().filter(entry -> entry.getValue() == action).map(Map.Entry::getKey)
                .sorted().map(KeyMap::label).collect(Collectors.joining(" / "));
    }

    /** The whole table, DOM code to action (the console maps its key codes onto these names). */
    public static Map<String, KeyAction> table() {
        return BY_CODE;
    }
}
