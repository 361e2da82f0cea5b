package io.simcast.sim.render;

import io.simcast.sim.mujoco.mjvOption;
import io.simcast.sim.mujoco.mjvScene;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a view draws besides the geometry: the flags that are on, which frames it draws and which objects it labels.
 * Each view has its own; the render thread writes them into the view's {@code mjvOption} and the scene's rendering
 * flags before drawing that view. Immutable; any thread.
 *
 * @param flags the flags that are on
 */
public record VisualOptions(Set<VisualFlag> flags, VisualFrame frame, VisualLabel label) {
    public VisualOptions {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** The flags {@code flags}, no frames, no labels. */
    public VisualOptions(Set<VisualFlag> flags) {
        this(flags, VisualFrame.NONE, VisualLabel.NONE);
    }

    /**
     * A quality preset's options: the skybox (MuJoCo's default) for both, shadows and reflections too for
     * {@link Quality#QUALITY}.
     */
    public static VisualOptions of(Quality quality) {
        return quality == Quality.QUALITY
                ? new VisualOptions(EnumSet.of(VisualFlag.SKYBOX, VisualFlag.SHADOWS, VisualFlag.REFLECTIONS))
                : new VisualOptions(EnumSet.of(VisualFlag.SKYBOX));
    }

    /**
     * These switches under another quality preset: shadows and reflections become the preset's, every other switch,
     * the frame and the label stay as they are (a person's contact points survive a quality change).
     */
    public VisualOptions withQuality(Quality quality) {
        VisualOptions preset = of(quality);
        return with(VisualFlag.SHADOWS, preset.has(VisualFlag.SHADOWS))
                .with(VisualFlag.REFLECTIONS, preset.has(VisualFlag.REFLECTIONS));
    }

    public boolean has(VisualFlag flag) {
        return flags.contains(flag);
    }

    /** A copy with {@code flag} switched on or off. */
    public VisualOptions with(VisualFlag flag, boolean on) {
        EnumSet<VisualFlag> next = flags.isEmpty() ? EnumSet.noneOf(VisualFlag.class) : EnumSet.copyOf(flags);
        if (on) {
            next.add(flag);
        } else {
            next.remove(flag);
        }
        return new VisualOptions(next, frame, label);
    }

    public VisualOptions withFrame(VisualFrame next) {
        return new VisualOptions(flags, next, label);
    }

    public VisualOptions withLabel(VisualLabel next) {
        return new VisualOptions(flags, frame, next);
    }

    /** Writes the options into MuJoCo's visual options (per view) and scene render flags (render thread). */
    void applyTo(mjvOption option, mjvScene scene) {
        for (VisualFlag flag : VisualFlag.values()) {
            byte bit = (byte) (has(flag) ? 1 : 0);
            if (flag.scene) {
                scene.flags(flag.index, bit);
            } else {
                option.flags(flag.index, bit);
            }
        }
        option.frame(frame.ordinal());
        option.label(label.ordinal());
    }
}
