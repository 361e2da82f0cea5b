package io.simcast.streaming.input;

/** What a key does, as in MuJoCo's simulate, with the words its help shows. */
public enum KeyAction {
    /** Space: play or pause. */
    TOGGLE_PLAY("Play or pause"),
    /** Right arrow: one step (while paused). */
    STEP("Advance one time step while paused"),
    /** Backspace: back to the initial state. */
    RESET("Reset to the initial state (keyframe 0 when the model has one)"),
    /** Minus: half the speed. */
    SLOWER("Half the speed"),
    /** Equal (the = / + key): double the speed. */
    FASTER("Double the speed"),
    /** [ : the previous fixed camera of the model. */
    PREVIOUS_CAMERA("Previous fixed camera of the model"),
    /** ] : the next fixed camera of the model. */
    NEXT_CAMERA("Next fixed camera of the model"),
    /** Esc: back to the free camera. */
    FREE_CAMERA("Back to the free camera"),
    /** F1: show or hide the help. */
    HELP("Show or hide this help"),
    /** F2: show or hide the info overlay (simulate's Info). */
    INFO("Show or hide the info"),
    /** F3: show or hide the profiler. */
    PROFILER("Show or hide the profiler"),
    /** F4: show or hide the sensor plots. */
    SENSORS("Show or hide the sensor plots");

    private final String does;

    KeyAction(String does) {
        this.does = does;
    }

    /** What the key does, in the words the help shows (the page's F1 panel). */
    public String does() {
        return does;
    }

    /** Whether the action changes the camera of the view (not the simulation everybody sees). */
    public boolean isCamera() {
        return this == PREVIOUS_CAMERA || this == NEXT_CAMERA || this == FREE_CAMERA;
    }
}
