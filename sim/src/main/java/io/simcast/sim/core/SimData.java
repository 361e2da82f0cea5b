package io.simcast.sim.core;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_deleteData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_makeData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetDataKeyframe;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;

/**
 * The simulation state of one model ({@code mjData}). Owned by exactly one thread: the physics thread for the
 * live simulation, a render thread for its private copy. Holds a reference to its model until closed.
 *
 * <p>The state arrays ({@link #qpos()}, {@link #ctrl()} ...) are {@link StateArray} views over MuJoCo's memory,
 * made once, sized to the model and valid until {@link #close()}: reading and writing them costs no JNI call, so
 * controls and forces written every step (the simulation's commands, RL actions, benchmarks) cost what they would
 * in C.
 */
public final class SimData implements AutoCloseable {
    private final Model model;
    private final mjData native_;
    private final StateArray qpos;
    private final StateArray qvel;
    private final StateArray act;
    private final StateArray ctrl;
    private final StateArray mocapPos;
    private final StateArray mocapQuat;
    private final StateArray xfrcApplied;
    private final StateArray qfrcApplied;
    private final StateArray qaccWarmstart;
    private final StateArray userdata;
    private final StateArray xpos;
    private final StateArray siteXpos;
    private boolean closed;

    /**
     * Allocates data for {@code model} and takes a model reference.
     *
     * @throws RuntimeException with MuJoCo's text when MuJoCo cannot allocate it
     */
    public SimData(Model model) {
        MuJoCoLibrary.load();
        model.retain();
        try {
            mjData data = mj_makeData(model.pointer());
            if (data == null || data.isNull()) {
                throw new IllegalStateException("MuJoCo could not allocate the simulation data");
            }
            this.native_ = data;
        } catch (RuntimeException e) {
            model.release();
            throw e;
        }
        this.model = model;
        this.qpos = StateArray.over(native_.qpos(), model.nq());
        this.qvel = StateArray.over(native_.qvel(), model.nv());
        this.act = StateArray.over(native_.act(), model.na());
        this.ctrl = StateArray.over(native_.ctrl(), model.nu());
        this.mocapPos = StateArray.over(native_.mocap_pos(), 3L * model.nmocap());
        this.mocapQuat = StateArray.over(native_.mocap_quat(), 4L * model.nmocap());
        this.xfrcApplied = StateArray.over(native_.xfrc_applied(), 6L * model.nbody());
        this.qfrcApplied = StateArray.over(native_.qfrc_applied(), model.nv());
        this.qaccWarmstart = StateArray.over(native_.qacc_warmstart(), model.nv());
        this.userdata = StateArray.over(native_.userdata(), model.pointer().nuserdata());
        this.xpos = StateArray.over(native_.xpos(), 3L * model.nbody());
        this.siteXpos = StateArray.over(native_.site_xpos(), 3L * model.pointer().nsite());
    }

    public Model model() {
        return model;
    }

    /** The native data; only the owning thread may use it. */
    public mjData pointer() {
        if (closed) {
            throw new IllegalStateException("data already freed");
        }
        return native_;
    }

    /**
     * Puts the state where every Simcast run starts: keyframe 0 when the model has one (MuJoCo's convention for a
     * "home" pose, controls included), else the model's reference pose; then computes the derived quantities.
     */
    public void resetToInitialState() {
        mjModel m = model.pointer();
        if (m.nkey() > 0) {
            mj_resetDataKeyframe(m, pointer(), 0);
        } else {
            mj_resetData(m, pointer());
        }
        mj_forward(m, pointer());
    }

    public double time() {
        return native_.time();
    }

    /** Generalised positions (nq). */
    public StateArray qpos() {
        return qpos;
    }

    /** Generalised velocities (nv). */
    public StateArray qvel() {
        return qvel;
    }

    /** Actuator activations (na). */
    public StateArray act() {
        return act;
    }

    /** Actuator controls (nu): what sliders, agents and RL actions write before a step. */
    public StateArray ctrl() {
        return ctrl;
    }

    /** Mocap body positions (nmocap x 3). */
    public StateArray mocapPos() {
        return mocapPos;
    }

    /** Mocap body orientations (nmocap x 4, quaternions). */
    public StateArray mocapQuat() {
        return mocapQuat;
    }

    /** Cartesian forces and torques applied to bodies (nbody x 6: force then torque, world frame). */
    public StateArray xfrcApplied() {
        return xfrcApplied;
    }

    /** Generalised forces applied (nv). */
    public StateArray qfrcApplied() {
        return qfrcApplied;
    }

    /** Accelerations the constraint solver starts from (nv), part of the state a reset clears. */
    public StateArray qaccWarmstart() {
        return qaccWarmstart;
    }

    /** The model's user data (nuserdata). */
    public StateArray userdata() {
        return userdata;
    }

    /** Body positions in the world frame (nbody x 3), as the last {@code mj_forward} or step computed them. */
    public StateArray xpos() {
        return xpos;
    }

    /** Site positions in the world frame (nsite x 3), as the last {@code mj_forward} or step computed them. */
    public StateArray siteXpos() {
        return siteXpos;
    }

    /** Frees the native data (once) and drops the model reference. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        mj_deleteData(native_);
        native_.setNull();
        model.release();
    }
}
