package io.simcast.sim.rl;

import static io.simcast.sim.mujoco.global.MuJoCo.mjNWARNING;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjWarningStat;
import io.simcast.sim.core.SimData;
import io.simcast.sim.core.StateArray;
import java.util.Map;

/**
 * One copy's simulation state as {@link CopyState} sees it, read and written straight in MuJoCo's arrays. Writing
 * sets exactly what {@code mj_resetData} sets and clears the warning counters; the caller's {@code mj_forward}
 * recomputes everything derived. It never touches MuJoCo's scratch memory, which {@code mj_resetData} in 2.2.2 fills
 * with zeros on every call (15 MB and 200-300 µs for the cart-pole) although every step overwrites what it reads.
 *
 * <p>Owned by the thread stepping the copy, like its data.
 */
final class StateArrays {
    private final mjData d;
    private final StateArray qpos;
    private final StateArray qvel;
    private final StateArray act;
    private final StateArray ctrl;
    private final StateArray warmstart;
    private final StateArray qfrcApplied;
    private final StateArray xfrcApplied;
    private final StateArray mocapPos;
    private final StateArray mocapQuat;
    private final StateArray userdata;

    StateArrays(SimData data) {
        this.d = data.pointer();
        this.qpos = data.qpos();
        this.qvel = data.qvel();
        this.act = data.act();
        this.ctrl = data.ctrl();
        this.warmstart = data.qaccWarmstart();
        this.qfrcApplied = data.qfrcApplied();
        this.xfrcApplied = data.xfrcApplied();
        this.mocapPos = data.mocapPos();
        this.mocapQuat = data.mocapQuat();
        this.userdata = data.userdata();
    }

    /** The state now, with the episode's step count and the task's values. */
    CopyState read(int elapsedSteps, Map<String, double[]> task) {
        return new CopyState(d.time(), get(qpos), get(qvel), get(act), get(ctrl), get(warmstart), get(qfrcApplied),
                get(xfrcApplied), get(mocapPos), get(mocapQuat), get(userdata), elapsedSteps, task);
    }

    /**
     * Throws unless {@code state} fits this copy's model: every array of its size, every number finite.
     *
     * @throws IllegalArgumentException naming the first array that does not fit
     */
    void requireFits(CopyState state) {
        check("qpos", qpos, state.qpos());
        check("qvel", qvel, state.qvel());
        check("act", act, state.act());
        check("ctrl", ctrl, state.ctrl());
        check("qacc_warmstart", warmstart, state.qaccWarmstart());
        check("qfrc_applied", qfrcApplied, state.qfrcApplied());
        check("xfrc_applied", xfrcApplied, state.xfrcApplied());
        check("mocap_pos", mocapPos, state.mocapPos());
        check("mocap_quat", mocapQuat, state.mocapQuat());
        check("userdata", userdata, state.userdata());
        if (!Double.isFinite(state.time())) {
            throw new IllegalArgumentException(RlMessages.stateNotFinite("time"));
        }
    }

    /** Puts {@code state} (which fits: see {@link #requireFits}) into the data. */
    void write(CopyState state) {
        d.time(state.time());
        put(qpos, state.qpos());
        put(qvel, state.qvel());
        put(act, state.act());
        put(ctrl, state.ctrl());
        put(warmstart, state.qaccWarmstart());
        put(qfrcApplied, state.qfrcApplied());
        put(xfrcApplied, state.xfrcApplied());
        put(mocapPos, state.mocapPos());
        put(mocapQuat, state.mocapQuat());
        put(userdata, state.userdata());
        for (int i = 0; i < mjNWARNING; i++) {
            mjWarningStat warning = d.warning(i);
            warning.number(0);
            warning.lastinfo(0);
        }
    }

    /**
     * Puts the solver's warm start back after an {@code mj_forward}, whose constraint solve may leave its own
     * there: the next step then starts from exactly the warm start the state was read with.
     */
    void restoreWarmstart(CopyState state) {
        put(warmstart, state.qaccWarmstart());
    }

    private static void check(String name, StateArray target, double[] values) {
        int size = target.length();
        if (values == null || values.length != size) {
            throw new IllegalArgumentException(RlMessages.stateWrongLength(name, size,
                    values == null ? 0 : values.length));
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(RlMessages.stateNotFinite(name));
            }
        }
    }

    private static double[] get(StateArray array) {
        return array.copy();
    }

    private static void put(StateArray target, double[] values) {
        target.put(values);
    }
}
