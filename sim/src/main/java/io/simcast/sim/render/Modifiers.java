package io.simcast.sim.render;

/**
 * Keys held during a pointer event that change its meaning, as in simulate.
 *
 * @param shift horizontal variants of rotate and move
 * @param control perturb the selected body instead of moving the camera
 */
public record Modifiers(boolean shift, boolean control) {
    public static final Modifiers NONE = new Modifiers(false, false);
    public static final Modifiers SHIFT = new Modifiers(true, false);
    public static final Modifiers CONTROL = new Modifiers(false, true);
}
