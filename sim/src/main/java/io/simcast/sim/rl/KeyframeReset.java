package io.simcast.sim.rl;

import static io.simcast.sim.mujoco.global.MuJoCo.mjNWARNING;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.mujoco.mjWarningStat;
import io.simcast.sim.core.SimData;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Puts one copy's data into a keyframe's state the cheap way. It writes MuJoCo's whole simulation state (what
 * MuJoCo 3 calls the full state: time, qpos, qvel, act, the solver's warm start, ctrl, applied forces, mocap poses,
 * user data) and clears the warning counters, exactly what {@code mj_resetDataKeyframe} sets; the caller's
 * {@code mj_forward} recomputes everything derived. It does not clear MuJoCo's scratch memory, which
 * {@code mj_resetDataKeyframe} in MuJoCo 2.2.2 fills with zeros on every call (15 MB and 200-300 µs for the
 * cart-pole, more than the physics of a whole cart-pole episode) although every step overwrites what it reads.
 *
 * <p>Owned by the thread stepping the copy, like its data.
 */
final class KeyframeReset {
    private final SimData data;
    private final mjData d;
    private final double[][] keyQpos;
    private final double[][] keyQvel;
    private final double[][] keyAct;
    private final double[][] keyCtrl;
    private final double[][] keyMocapPos;
    private final double[][] keyMocapQuat;
    private final double[] keyTime;

    KeyframeReset(mjModel m, SimData data) {
        this.data = data;
        this.d = data.pointer();
        int keys = m.nkey();
        this.keyTime = new double[keys];
        for (int key = 0; key < keys; key++) {
            keyTime[key] = m.key_time().get(key);
        }
        this.keyQpos = rows(m.key_qpos(), keys, m.nq());
        this.keyQvel = rows(m.key_qvel(), keys, m.nv());
        this.keyAct = rows(m.key_act(), keys, m.na());
        this.keyCtrl = rows(m.key_ctrl(), keys, m.nu());
        this.keyMocapPos = rows(m.key_mpos(), keys, 3 * m.nmocap());
        this.keyMocapQuat = rows(m.key_mquat(), keys, 4 * m.nmocap());
    }

    /** Keyframe {@code key}'s state, time included. */
    void apply(int key) {
        d.time(keyTime[key]);
        data.qpos().put(keyQpos[key]);
        data.qvel().put(keyQvel[key]);
        data.act().put(keyAct[key]);
        data.ctrl().put(keyCtrl[key]);
        data.mocapPos().put(keyMocapPos[key]);
        data.mocapQuat().put(keyMocapQuat[key]);
        data.qaccWarmstart().zero();
        data.qfrcApplied().zero();
        data.xfrcApplied().zero();
        data.userdata().zero();
        for (int i = 0; i < mjNWARNING; i++) {
            mjWarningStat warning = d.warning(i);
            warning.number(0);
            warning.lastinfo(0);
        }
    }

    /** The model's {@code keys x width} array as rows (read once, element by element). */
    private static double[][] rows(DoublePointer array, int keys, int width) {
        double[][] rows = new double[keys][width];
        for (int key = 0; key < keys; key++) {
            for (int i = 0; i < width; i++) {
                rows[key][i] = array.get((long) key * width + i);
            }
        }
        return rows;
    }
}
