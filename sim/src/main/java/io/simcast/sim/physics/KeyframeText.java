package io.simcast.sim.physics;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * simulate's "Copy state" as MJCF: the state of a snapshot as one {@code <key>} element (time, qpos, qvel, ctrl, and
 * act and mocap poses where the model has them) to paste into a model's {@code <keyframe>}. Numbers are written in
 * full precision (Java's shortest exact form, which MuJoCo's parser reads back to the same double). Pure; any thread.
 */
public final class KeyframeText {
    private KeyframeText() {}

    /** The snapshot's state as {@code <key .../>}; {@code name} is left out when blank. */
    public static String of(SimulationSnapshot snapshot, String name) {
        StringBuilder key = new StringBuilder("<key");
        if (name != null && !name.isBlank()) {
            key.append(" name=\"").append(name.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
                    .append('"');
        }
        key.append(" time=\"").append(snapshot.time()).append('"');
        attribute(key, "qpos", snapshot.qpos());
        attribute(key, "qvel", snapshot.qvel());
        attribute(key, "act", snapshot.act());
        attribute(key, "ctrl", snapshot.ctrl());
        attribute(key, "mpos", snapshot.mocapPos());
        attribute(key, "mquat", snapshot.mocapQuat());
        return key.append("/>").toString();
    }

    private static void attribute(StringBuilder key, String name, double[] values) {
        if (values.length > 0) {
            key.append(' ').append(name).append("=\"")
                    .append(Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(" ")))
                    .append('"');
        }
    }
}
