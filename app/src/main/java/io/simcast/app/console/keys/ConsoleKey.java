package io.simcast.app.console.keys;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The console's keys: MuJoCo simulate's, the same physical keys as the browser page's key map (whose DOM
 * {@code code} names are in brackets). Immutable.
 */
public enum ConsoleKey {
    /** Play or pause ("Space"). */
    TOGGLE_PLAY(new KeyCodeCombination(KeyCode.SPACE), "Space"),
    /** One step ("ArrowRight"). */
    STEP(new KeyCodeCombination(KeyCode.RIGHT), "Right arrow"),
    /** Back to the initial state ("Backspace"). */
    RESET(new KeyCodeCombination(KeyCode.BACK_SPACE), "Backspace"),
    /** Half the speed ("Minus"). */
    SLOWER(new KeyCodeCombination(KeyCode.MINUS), "-"),
    /** Double the speed ("Equal"). */
    FASTER(new KeyCodeCombination(KeyCode.EQUALS), "="),
    /** The model's previous fixed camera ("BracketLeft"); acts once the live view is in the window. */
    PREVIOUS_CAMERA(new KeyCodeCombination(KeyCode.OPEN_BRACKET), "["),
    /** The model's next fixed camera ("BracketRight"); acts once the live view is in the window. */
    NEXT_CAMERA(new KeyCodeCombination(KeyCode.CLOSE_BRACKET), "]"),
    /** Back to the free camera ("Escape"); acts once the live view is in the window. */
    FREE_CAMERA(new KeyCodeCombination(KeyCode.ESCAPE), "Esc"),
    /** Save a picture of the view; acts once the live view is in the window. */
    SCREENSHOT(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), "Ctrl+P");

    private final KeyCombination combination;
    private final String label;

    ConsoleKey(KeyCombination combination, String label) {
        this.combination = combination;
        this.label = label;
    }

    /** The key as the toolbar's tooltips and the help page name it. */
    public String label() {
        return label;
    }

    public boolean matches(KeyEvent event) {
        return combination.match(event);
    }
}
