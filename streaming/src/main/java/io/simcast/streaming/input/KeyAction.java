package io.simcast.streaming.input;

/** What a key does, as in MuJoCo's simulate. */
public enum KeyAction {
    /** Space: play or pause. */
    TOGGLE_PLAY,
    /** Right arrow: one step (while paused). */
    STEP,
    /** Backspace: back to the initial state. */
    RESET,
    /** Minus: half the speed. */
    SLOWER,
    /** Equal (the = / + key): double the speed. */
    FASTER,
    /** [ : the previous fixed camera of the model. */
    PREVIOUS_CAMERA,
    /** ] : the next fixed camera of the model. */
    NEXT_CAMERA,
    /** Esc: back to the free camera. */
    FREE_CAMERA,
    /** F1: show or hide the help. */
    HELP,
    /** F2: show or hide the info overlay (simulate's Info). */
    INFO,
    /** F3: show or hide the profiler. */
    PROFILER,
    /** F4: show or hide the sensor plots. */
    SENSORS;

    /** Whether the action changes the camera of the view (not the simulation everybody sees). */
    public boolean isCamera() {
        return this == PREVIOUS_CAMERA || this == NEXT_CAMERA || this == FREE_CAMERA;
    }
}
