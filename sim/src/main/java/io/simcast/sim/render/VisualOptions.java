package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjFRAME_BODY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjFRAME_NONE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_REFLECTION;
import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_SHADOW;
import static io.simcast.sim.mujoco.global.MuJoCo.mjRND_WIREFRAME;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_CONTACTFORCE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_CONTACTPOINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_JOINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjVIS_TRANSPARENT;

import io.simcast.sim.mujoco.mjvOption;
import io.simcast.sim.mujoco.mjvScene;
import java.util.EnumSet;
import java.util.Set;

/**
 * The visual flags a view shows. Immutable; any thread.
 *
 * @param flags the flags that are on
 */
public record VisualOptions(Set<VisualFlag> flags) {
    public VisualOptions {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A quality preset's flags: shadows and reflections for {@link Quality#QUALITY}, nothing for FAST. */
    public static VisualOptions of(Quality quality) {
        return quality == Quality.QUALITY
                ? new VisualOptions(EnumSet.of(VisualFlag.SHADOWS, VisualFlag.REFLECTIONS))
                : new VisualOptions(Set.of());
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
        return new VisualOptions(next);
    }

    /** Writes the flags into MuJoCo's visual options (per view) and scene render flags (render thread). */
    void applyTo(mjvOption option, mjvScene scene) {
        option.flags(mjVIS_CONTACTPOINT, bit(VisualFlag.CONTACT_POINTS));
        option.flags(mjVIS_CONTACTFORCE, bit(VisualFlag.CONTACT_FORCES));
        option.flags(mjVIS_JOINT, bit(VisualFlag.JOINTS));
        option.flags(mjVIS_TRANSPARENT, bit(VisualFlag.TRANSPARENCY));
        option.frame(has(VisualFlag.BODY_FRAMES) ? mjFRAME_BODY : mjFRAME_NONE);
        scene.flags(mjRND_WIREFRAME, bit(VisualFlag.WIREFRAME));
        scene.flags(mjRND_SHADOW, bit(VisualFlag.SHADOWS));
        scene.flags(mjRND_REFLECTION, bit(VisualFlag.REFLECTIONS));
    }

    private byte bit(VisualFlag flag) {
        return (byte) (has(flag) ? 1 : 0);
    }
}
