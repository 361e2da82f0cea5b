package io.simcast.sim.core;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_deleteModel;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_id2name;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_name2id;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_ACTUATOR;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_BODY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_CAMERA;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_GEOM;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_JOINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_KEY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_SENSOR;

import io.simcast.sim.mujoco.mjModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.BytePointer;

/**
 * A compiled MuJoCo model ({@code mjModel}), shared read-only by the physics thread and every render thread.
 *
 * <p>Reference counted: the creator holds the first reference; each further user calls {@link #retain()} and
 * later {@link #release()}. The native model is freed exactly once, when the last reference goes. Any thread may
 * read it; nobody writes it after compilation.
 */
public final class Model {
    /** simulate 2.2.2 labels unnamed joints "joint %d" and actuators "control %d"; the rest follow that style. */
    private static final Map<Integer, String> UNNAMED = Map.of(mjOBJ_JOINT, "joint", mjOBJ_ACTUATOR, "control",
            mjOBJ_BODY, "body", mjOBJ_GEOM, "geom", mjOBJ_SENSOR, "sensor", mjOBJ_CAMERA, "camera", mjOBJ_KEY, "key");

    private final mjModel native_;
    private final AtomicInteger references = new AtomicInteger(1);
    // Sizes are copied once so they stay readable from old snapshots after the native model is gone.
    private final int nq;
    private final int nv;
    private final int nu;
    private final int na;
    private final int nbody;
    private final int nmocap;
    private final int nkey;
    private final int ncam;
    private final double timestep;
    private final List<String> cameraNames;
    /** Read from the native arrays once, while they certainly exist; they never change after compiling. */
    private final ModelDescription description;

    /** Takes ownership of a model returned by {@code mj_loadXML}. */
    public Model(mjModel model) {
        if (model == null || model.isNull()) {
            throw new IllegalArgumentException("null mjModel");
        }
        this.native_ = model;
        this.nq = model.nq();
        this.nv = model.nv();
        this.nu = model.nu();
        this.na = model.na();
        this.nbody = model.nbody();
        this.nmocap = model.nmocap();
        this.nkey = model.nkey();
        this.ncam = model.ncam();
        this.timestep = model.opt().timestep();
        List<String> cameras = new ArrayList<>(ncam);
        for (int i = 0; i < ncam; i++) {
            cameras.add(name(mjOBJ_CAMERA, i));
        }
        this.cameraNames = List.copyOf(cameras);
        this.description = ModelDescription.of(this);
    }

    /**
     * The model as data (names, ranges, layout), made once per model when it is wrapped: every panel, route and
     * agent reads this one. Any thread, even after the model was freed.
     */
    public ModelDescription description() {
        return description;
    }

    /** The native model; valid while the caller holds a reference. */
    public mjModel pointer() {
        if (references.get() <= 0) {
            throw new IllegalStateException("model already freed");
        }
        return native_;
    }

    /**
     * Adds a reference unless the model was already freed.
     *
     * @return false when it was freed (a reader holding an old snapshot should read the newest one)
     */
    public boolean tryRetain() {
        int count;
        do {
            count = references.get();
            if (count <= 0) {
                return false;
            }
        } while (!references.compareAndSet(count, count + 1));
        return true;
    }

    /** Adds a reference; fails if the model was already freed. */
    public Model retain() {
        references.updateAndGet(count -> {
            if (count <= 0) {
                throw new IllegalStateException("model already freed");
            }
            return count + 1;
        });
        return this;
    }

    /** Drops a reference; the last one frees the native model. */
    public void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            mj_deleteModel(native_);
            native_.setNull();
        } else if (left < 0) {
            throw new IllegalStateException("model released more often than retained");
        }
    }

    /** Whether the native model is still alive. */
    public boolean isAlive() {
        return references.get() > 0;
    }

    public int nq() {
        return nq;
    }

    public int nv() {
        return nv;
    }

    public int nu() {
        return nu;
    }

    public int na() {
        return na;
    }

    public int nbody() {
        return nbody;
    }

    public int nmocap() {
        return nmocap;
    }

    public int nkey() {
        return nkey;
    }

    public int ncam() {
        return ncam;
    }

    /** The names of the model's fixed cameras in model order ({@code ""} for an unnamed one). */
    public List<String> cameraNames() {
        return cameraNames;
    }

    /** Simulation time step in seconds. */
    public double timestep() {
        return timestep;
    }

    /** The id of a named object of type {@code mjOBJ_*}, or -1. */
    public int id(int objectType, String name) {
        pointer();
        return mj_name2id(native_, objectType, name);
    }

    /** The name of object {@code id} of type {@code mjOBJ_*}, or {@code ""} when it has none. */
    public String name(int objectType, int id) {
        BytePointer name = mj_id2name(pointer(), objectType, id);
        return name == null || name.isNull() ? "" : name.getString();
    }

    /**
     * What every client calls object {@code id}: its name, or for an unnamed one the label MuJoCo's simulate gives it
     * in its panels ({@code joint 3}, {@code control 0} for an actuator) and the same style for the other types
     * ({@code body 2}, {@code sensor 1}). The one place where unnamed objects get their names.
     */
    public String label(int objectType, int id) {
        String name = name(objectType, id);
        return name.isEmpty() ? UNNAMED.getOrDefault(objectType, "object") + " " + id : name;
    }
}
