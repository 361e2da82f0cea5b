package io.simcast.sim.core;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_deleteData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_makeData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetData;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetDataKeyframe;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The simulation state of one model ({@code mjData}). Owned by exactly one thread: the physics thread for the
 * live simulation, a render thread for its private copy. Holds a reference to its model until closed.
 *
 * <p>The array views ({@link #qpos()} ...) are sized to the model and cached; they are valid until {@link #close()}.
 */
public final class SimData implements AutoCloseable {
    private final Model model;
    private final mjData native_;
    private final DoublePointer qpos;
    private final DoublePointer qvel;
    private final DoublePointer act;
    private final DoublePointer ctrl;
    private final DoublePointer mocapPos;
    private final DoublePointer mocapQuat;
    private final DoublePointer xfrcApplied;
    private final DoublePointer qfrcApplied;
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
        this.qpos = native_.qpos().capacity(model.nq());
        this.qvel = native_.qvel().capacity(model.nv());
        this.act = native_.act().capacity(model.na());
        this.ctrl = native_.ctrl().capacity(model.nu());
        this.mocapPos = native_.mocap_pos().capacity(3L * model.nmocap());
        this.mocapQuat = native_.mocap_quat().capacity(4L * model.nmocap());
        this.xfrcApplied = native_.xfrc_applied().capacity(6L * model.nbody());
        this.qfrcApplied = native_.qfrc_applied().capacity(model.nv());
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

    public DoublePointer qpos() {
        return qpos;
    }

    public DoublePointer qvel() {
        return qvel;
    }

    public DoublePointer act() {
        return act;
    }

    public DoublePointer ctrl() {
        return ctrl;
    }

    public DoublePointer mocapPos() {
        return mocapPos;
    }

    public DoublePointer mocapQuat() {
        return mocapQuat;
    }

    /** Cartesian forces and torques applied to bodies (nbody x 6: force then torque, world frame). */
    public DoublePointer xfrcApplied() {
        return xfrcApplied;
    }

    public DoublePointer qfrcApplied() {
        return qfrcApplied;
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
