package io.simcast.sim.core;

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
import java.util.Optional;
import java.util.function.Function;

/**
 * A model as data: its joints (where each sits in qpos and qvel, its range), actuators (control ranges), bodies,
 * geoms, sensors (where each sits in sensordata), cameras and keyframes, by name and index, as agents and panels
 * read it. Unnamed objects get simulate's labels ({@link Model#label}: {@code joint 3}); {@link #find} also accepts
 * {@code #index}. Made once per model
 * from its immutable native arrays ({@link #of}, on any thread holding a model reference); immutable.
 */
public record ModelDescription(double timestep, int nq, int nv, int nu, List<Joint> joints,
                               List<Actuator> actuators, List<String> bodies, List<String> geoms,
                               List<Sensor> sensors, List<String> cameras, List<Keyframe> keyframes) {
    /** MuJoCo's joint types, in {@code mjtJoint} order, by their MJCF names. */
    private static final List<String> JOINT_TYPES = List.of("free", "ball", "slide", "hinge");
    /** MuJoCo 2.2.2's sensor types, in {@code mjtSensor} order, by their MJCF element names. */
    private static final List<String> SENSOR_TYPES = List.of("touch", "accelerometer", "velocimeter", "gyro", "force",
            "torque", "magnetometer", "rangefinder", "jointpos", "jointvel", "tendonpos", "tendonvel", "actuatorpos",
            "actuatorvel", "actuatorfrc", "ballquat", "ballangvel", "jointlimitpos", "jointlimitvel",
            "jointlimitfrc", "tendonlimitpos", "tendonlimitvel", "tendonlimitfrc", "framepos", "framequat",
            "framexaxis", "frameyaxis", "framezaxis", "framelinvel", "frameangvel", "framelinacc", "frameangacc",
            "subtreecom", "subtreelinvel", "subtreeangmom", "clock", "user");

    public ModelDescription {
        joints = List.copyOf(joints);
        actuators = List.copyOf(actuators);
        bodies = List.copyOf(bodies);
        geoms = List.copyOf(geoms);
        sensors = List.copyOf(sensors);
        cameras = List.copyOf(cameras);
        keyframes = List.copyOf(keyframes);
    }

    /**
     * @param type {@code free}, {@code ball}, {@code slide} or {@code hinge}
     * @param qposAddress index of its first element in qpos; {@code qposCount} elements (7, 4, 1 or 1)
     * @param dofAddress index of its first element in qvel; {@code dofCount} elements (6, 3, 1 or 1)
     * @param range its limits (radians or metres), empty when it has none
     * @param slider what simulate's Joint slider spans: the limits, else -pi..pi for a hinge and -1..1 otherwise
     */
    public record Joint(String name, String type, String body, int qposAddress, int qposCount, int dofAddress,
                        int dofCount, Optional<double[]> range, double[] slider) {}

    /**
     * @param ctrlRange the control's limits, empty when it is not limited
     * @param joint the joint it drives, empty when it drives something else (a tendon, a site)
     * @param slider what simulate's Control slider spans: the control range, else -1..1
     */
    public record Actuator(String name, int index, Optional<double[]> ctrlRange, Optional<String> joint,
                           double[] slider) {}

    /** @param address index of its first value in sensordata; {@code dim} values */
    public record Sensor(String name, String type, int address, int dim) {}

    public record Keyframe(String name, int index, double time) {}

    /** Reads the model's names and layout. */
    public static ModelDescription of(Model model) {
        mjModel m = model.pointer();
        List<String> bodies = names(model, mjOBJ_BODY, m.nbody());
        List<Joint> joints = new ArrayList<>();
        for (int j = 0; j < m.njnt(); j++) {
            int type = m.jnt_type().get(j);
            int qposCount = switch (type) {
                case 0 -> 7;
                case 1 -> 4;
                default -> 1;
            };
            int dofCount = switch (type) {
                case 0 -> 6;
                case 1 -> 3;
                default -> 1;
            };
            Optional<double[]> range = m.jnt_limited().get(j) != 0
                    ? Optional.of(new double[] {m.jnt_range().get(2L * j), m.jnt_range().get(2L * j + 1)})
                    : Optional.empty();
            double[] slider = range.orElse(type == 3 ? new double[] {-Math.PI, Math.PI} : new double[] {-1, 1});
            joints.add(new Joint(name(model, mjOBJ_JOINT, j), JOINT_TYPES.get(type), bodies.get(m.jnt_bodyid().get(j)),
                    m.jnt_qposadr().get(j), qposCount, m.jnt_dofadr().get(j), dofCount, range, slider));
        }
        List<Actuator> actuators = new ArrayList<>();
        for (int a = 0; a < m.nu(); a++) {
            Optional<double[]> range = m.actuator_ctrllimited().get(a) != 0
                    ? Optional.of(new double[] {m.actuator_ctrlrange().get(2L * a),
                            m.actuator_ctrlrange().get(2L * a + 1)})
                    : Optional.empty();
            boolean drivesJoint = m.actuator_trntype().get(a) <= 1; // mjTRN_JOINT or mjTRN_JOINTINPARENT
            int target = m.actuator_trnid().get(2L * a);
            actuators.add(new Actuator(name(model, mjOBJ_ACTUATOR, a), a, range,
                    drivesJoint && target >= 0 ? Optional.of(joints.get(target).name()) : Optional.empty(),
                    range.orElse(new double[] {-1, 1})));
        }
        List<Sensor> sensors = new ArrayList<>();
        for (int s = 0; s < m.nsensor(); s++) {
            int type = m.sensor_type().get(s);
            sensors.add(new Sensor(name(model, mjOBJ_SENSOR, s),
                    type < SENSOR_TYPES.size() ? SENSOR_TYPES.get(type) : "type " + type, m.sensor_adr().get(s),
                    m.sensor_dim().get(s)));
        }
        List<Keyframe> keyframes = new ArrayList<>();
        for (int k = 0; k < m.nkey(); k++) {
            keyframes.add(new Keyframe(name(model, mjOBJ_KEY, k), k, m.key_time().get(k)));
        }
        return new ModelDescription(model.timestep(), m.nq(), m.nv(), m.nu(), joints, actuators, bodies,
                names(model, mjOBJ_GEOM, m.ngeom()), sensors, names(model, mjOBJ_CAMERA, m.ncam()), keyframes);
    }

    /** A joint by name (or label, or {@code #index}). */
    public Optional<Joint> joint(String name) {
        return find(joints, Joint::name, name);
    }

    public Optional<Actuator> actuator(String name) {
        return find(actuators, Actuator::name, name);
    }

    public Optional<Sensor> sensor(String name) {
        return find(sensors, Sensor::name, name);
    }

    public Optional<Keyframe> keyframe(String name) {
        return find(keyframes, Keyframe::name, name);
    }

    /** A body's index by name (or label, or {@code #index}); the world is body 0. */
    public Optional<Integer> body(String name) {
        return find(bodies, Function.identity(), name).map(bodies::indexOf);
    }

    /** The item called {@code name}, or the one at {@code #index}. */
    public static <T> Optional<T> find(List<T> items, Function<T, String> nameOf, String name) {
        for (T item : items) {
            if (nameOf.apply(item).equals(name)) {
                return Optional.of(item);
            }
        }
        if (name.matches("#\\d{1,9}")) {
            int index = Integer.parseInt(name.substring(1));
            return index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> names(Model model, int type, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(name(model, type, i));
        }
        return names;
    }

    private static String name(Model model, int type, int index) {
        return model.label(type, index);
    }
}
