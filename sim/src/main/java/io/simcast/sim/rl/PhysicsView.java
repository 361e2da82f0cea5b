package io.simcast.sim.rl;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_ACTUATOR;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_BODY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_GEOM;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_JOINT;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_KEY;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_SENSOR;
import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_SITE;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step1;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step2;

import io.simcast.sim.mujoco.mjContact;
import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.core.SimData;
import io.simcast.sim.scene.Scene;
import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * One environment copy's model and data as a {@link Task} sees them: ids looked up by name, the state arrays as
 * direct buffers over MuJoCo's own memory (the {@link SimData}'s views), so reading or writing an element costs no
 * native call, and the model constants tasks read every step (control ranges) copied once.
 *
 * <p>Owned by the thread stepping the copy, like the {@link SimData} it wraps; the buffers are valid until the
 * copy is closed. Model-side lookups (names, ranges, keyframes) read the shared, immutable model.
 */
final class PhysicsView {
    private final Scene scene;
    private final mjModel m;
    private final SimData data;
    private final mjData d;
    /** Generalised positions (nq). */
    public final DoubleBuffer qpos;
    /** Generalised velocities (nv). */
    public final DoubleBuffer qvel;
    /** Actuator controls (nu). */
    public final DoubleBuffer ctrl;
    /** Mocap body positions (nmocap x 3): where tasks keep their target markers. */
    public final DoubleBuffer mocapPos;
    /** Body positions after the last step (nbody x 3). */
    public final DoubleBuffer xpos;
    /** Site positions after the last step (nsite x 3). */
    public final DoubleBuffer siteXpos;
    /** Each actuator's control range (low, high), a model constant read once. */
    private final double[] ctrlRange;
    /** Geom positions after the last step (ngeom x 3). */
    public final DoubleBuffer geomXpos;
    /** Actuator forces of the last step (nu). */
    public final DoubleBuffer actuatorForce;
    /** Sensor readings after the last step (nsensordata). */
    public final DoubleBuffer sensordata;
    private final mjContact contacts;
    private final StateArrays state;
    private final KeyframeReset keyframes;

    PhysicsView(Scene scene, SimData data) {
        this.scene = scene;
        this.m = scene.model().pointer();
        this.data = data;
        this.d = data.pointer();
        this.qpos = data.qpos().buffer();
        this.qvel = data.qvel().buffer();
        this.ctrl = data.ctrl().buffer();
        this.mocapPos = data.mocapPos().buffer();
        this.xpos = data.xpos().buffer();
        this.siteXpos = data.siteXpos().buffer();
        this.geomXpos = buffer(d.geom_xpos(), 3L * m.ngeom());
        this.actuatorForce = buffer(d.actuator_force(), m.nu());
        this.sensordata = buffer(d.sensordata(), m.nsensordata());
        this.ctrlRange = new double[2 * scene.model().nu()];
        if (ctrlRange.length > 0) {
            // Read once: every m.actuator_ctrlrange() call makes a fresh pointer object through JNI (~250 ns).
            m.actuator_ctrlrange().capacity(ctrlRange.length).get(ctrlRange);
        }
        this.contacts = d.contact();
        this.state = new StateArrays(data);
        this.keyframes = new KeyframeReset(m, state);
    }

    /** {@code length} doubles of MuJoCo's memory as a direct buffer (a size-0 array may be NULL). */
    private static DoubleBuffer buffer(DoublePointer array, long length) {
        return length == 0 ? DoubleBuffer.allocate(0) : array.capacity(length).asBuffer();
    }

    SimData data() {
        return data;
    }

    /** The model, for lookups beyond names (read-only, shared by every copy). */
    mjModel model() {
        return m;
    }

    Scene scene() {
        return scene;
    }

    /** The whole simulation state, read and written in MuJoCo's arrays. */
    StateArrays state() {
        return state;
    }

    // ---- names -----------------------------------------------------------------------------------------------

    /** Index of the joint's first element in {@link #qpos}. */
    public int qposAddress(String joint) {
        return m.jnt_qposadr().get(id(mjOBJ_JOINT, "joint", joint));
    }

    /** Index of the joint's first element in {@link #qvel}. */
    public int dofAddress(String joint) {
        return m.jnt_dofadr().get(id(mjOBJ_JOINT, "joint", joint));
    }

    public int site(String name) {
        return id(mjOBJ_SITE, "site", name);
    }

    public int body(String name) {
        return id(mjOBJ_BODY, "body", name);
    }

    public int actuator(String name) {
        return id(mjOBJ_ACTUATOR, "actuator", name);
    }

    public int keyframe(String name) {
        return id(mjOBJ_KEY, "keyframe", name);
    }

    public int geom(String name) {
        return id(mjOBJ_GEOM, "geom", name);
    }

    public int sensor(String name) {
        return id(mjOBJ_SENSOR, "sensor", name);
    }

    /** Where a sensor's readings start in {@link #sensordata}. */
    public int sensorAddress(int sensor) {
        return m.sensor_adr().get(sensor);
    }

    /** How many numbers a sensor reads. */
    public int sensorDimension(int sensor) {
        return m.sensor_dim().get(sensor);
    }

    /** The body a geom belongs to. */
    public int geomBody(int geom) {
        return m.geom_bodyid().get(geom);
    }

    /** Index of a mocap body among the mocap bodies (the row of {@link #mocapPos}). */
    public int mocap(String body) {
        int mocap = m.body_mocapid().get(body(body));
        if (mocap < 0) {
            throw new IllegalStateException(RlMessages.missingInScene(scene.id(), "mocap body", body));
        }
        return mocap;
    }

    private int id(int type, String kind, String name) {
        int id = scene.model().id(type, name);
        if (id < 0) {
            throw new IllegalStateException(RlMessages.missingInScene(scene.id(), kind, name));
        }
        return id;
    }

    // ---- model constants -------------------------------------------------------------------------------------

    public double ctrlLow(int actuator) {
        return ctrlRange[2 * actuator];
    }

    public double ctrlHigh(int actuator) {
        return ctrlRange[2 * actuator + 1];
    }

    /** A keyframe's control for one actuator. */
    public double keyCtrl(int key, int actuator) {
        return m.key_ctrl().get((long) key * m.nu() + actuator);
    }

    /** A keyframe's value of one qpos element. */
    public double keyQpos(int key, int index) {
        return m.key_qpos().get((long) key * m.nq() + index);
    }

    /** Total mass of the model, kg. */
    public double totalMass() {
        double mass = 0;
        for (int body = 0; body < m.nbody(); body++) {
            mass += m.body_mass().get(body);
        }
        return mass;
    }

    /** Seconds per physics step. */
    public double timestep() {
        return scene.model().timestep();
    }

    // ---- state changes (the owning thread only) --------------------------------------------------------------

    /** Sets the whole simulation state to a keyframe's (see {@link KeyframeReset}); call {@link #forward()} after. */
    public void resetToKeyframe(int key) {
        keyframes.apply(key);
    }

    /** Sets the whole simulation state to the model's reference state; call {@link #forward()} after. */
    public void resetToReference() {
        keyframes.applyReference();
    }

    /** Whether geom {@code a} touches geom {@code b} in the contacts of the state just reached. */
    public boolean touching(int a, int b) {
        int count = d.ncon();
        for (int i = 0; i < count; i++) {
            mjContact contact = contacts.getPointer(mjContact.class, i);
            int g1 = contact.geom1();
            int g2 = contact.geom2();
            if (g1 == a && g2 == b || g1 == b && g2 == a) {
                return true;
            }
        }
        return false;
    }

    /** Recomputes positions and everything derived from the state, without advancing time. */
    void forward() {
        mj_forward(m, d);
    }

    /**
     * One physics step: {@code mj_step2} finishes the step that the last {@code mj_step1} (or {@link #forward()})
     * began, with the current controls, then {@code mj_step1} begins the next. The same computation as
     * {@code mj_step}, in dm_control's order, so that afterwards body and site positions describe the state just
     * reached (after {@code mj_step} they still describe the state before it), as observations and renderers
     * expect. Needs {@link #forward()} after any change of the state other than a step.
     */
    void step() {
        mj_step2(m, d);
        mj_step1(m, d);
    }
}
