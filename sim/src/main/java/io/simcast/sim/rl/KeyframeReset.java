package io.simcast.sim.rl;

import io.simcast.sim.mujoco.mjModel;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Puts one copy's data into a keyframe's state the cheap way: each keyframe is read once into a {@link CopyState}
 * (zeros for the warm start, applied forces and user data, exactly what {@code mj_resetDataKeyframe} sets) and
 * written with {@link StateArrays}, without the scratch-memory clearing that makes MuJoCo 2.2.2's own reset cost more
 * than the physics of a whole cart-pole episode. The caller's {@code mj_forward} recomputes everything derived.
 *
 * <p>Owned by the thread stepping the copy, like its data.
 */
final class KeyframeReset {
    private final StateArrays state;
    private final CopyState[] keys;
    private final CopyState reference;

    KeyframeReset(mjModel m, StateArrays state) {
        this.state = state;
        this.reference = reference(m);
        this.keys = new CopyState[m.nkey()];
        for (int key = 0; key < keys.length; key++) {
            keys[key] = new CopyState(m.key_time().get(key), row(m.key_qpos(), key, m.nq()),
                    row(m.key_qvel(), key, m.nv()), row(m.key_act(), key, m.na()), row(m.key_ctrl(), key, m.nu()),
                    new double[m.nv()], new double[m.nv()], new double[6 * m.nbody()],
                    row(m.key_mpos(), key, 3 * m.nmocap()), row(m.key_mquat(), key, 4 * m.nmocap()),
                    new double[m.nuserdata()], 0, Map.of());
        }
    }

    /** Keyframe {@code key}'s state, time included. */
    void apply(int key) {
        state.write(keys[key]);
    }

    /** The model's reference state, what {@code mj_resetData} sets: qpos0, at rest, mocap bodies where declared. */
    void applyReference() {
        state.write(reference);
    }

    private static CopyState reference(mjModel m) {
        double[] mocapPos = new double[3 * m.nmocap()];
        double[] mocapQuat = new double[4 * m.nmocap()];
        for (int body = 0; body < m.nbody(); body++) {
            int mocap = m.body_mocapid().get(body);
            if (mocap >= 0) {
                for (int i = 0; i < 3; i++) {
                    mocapPos[3 * mocap + i] = m.body_pos().get(3L * body + i);
                }
                for (int i = 0; i < 4; i++) {
                    mocapQuat[4 * mocap + i] = m.body_quat().get(4L * body + i);
                }
            }
        }
        return new CopyState(0, row(m.qpos0(), 0, m.nq()), new double[m.nv()], new double[m.na()],
                new double[m.nu()], new double[m.nv()], new double[m.nv()], new double[6 * m.nbody()], mocapPos,
                mocapQuat, new double[m.nuserdata()], 0, Map.of());
    }

    /** Row {@code key} of the model's {@code keys x width} array (read once, element by element). */
    private static double[] row(DoublePointer array, int key, int width) {
        double[] row = new double[width];
        for (int i = 0; i < width; i++) {
            row[i] = array.get((long) key * width + i);
        }
        return row;
    }
}
