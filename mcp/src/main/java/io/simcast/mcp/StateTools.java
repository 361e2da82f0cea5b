package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.StateProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading: the state (time, joints' positions and velocities, bodies' positions and orientations, sensor readings,
 * contacts), each by name, and the model's description (joints, actuators with their ranges, bodies, sensors,
 * cameras, keyframes). Everything comes from the newest snapshot; nothing waits on the physics thread.
 */
final class StateTools {
    private StateTools() {}

    record JointState(double[] qpos, double[] qvel) {}

    record BodyState(double[] position, double[] quaternion) {}

    record ContactState(String geom1, String geom2, String body1, String body2, double distance, double[] position,
                        double[] normal) {}

    record State(String target, String scene, double time, boolean playing, double speed,
                 Map<String, JointState> joints, Map<String, double[]> controls, Map<String, BodyState> bodies,
                 Map<String, double[]> sensors, int contactCount, List<ContactState> contacts) {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(
                kit.tool("get_state", "Read the state",
                        "The simulation's state now: time, whether it plays, each joint's position (qpos: radians"
                                + " for hinges, metres for slides, position and quaternion w,x,y,z for free joints)"
                                + " and velocity, each actuator's control, each body's world position and"
                                + " orientation (quaternion w,x,y,z), each sensor's reading, and the contacts."
                                + " Name joints, bodies or sensors to get only those; describe_model lists the names.",
                        Schema.object()
                                .names("joints", "Joint names to read; all when left out, none for [].")
                                .names("bodies", "Body names to read; all when left out, none for [].")
                                .names("sensors", "Sensor names to read; all when left out, none for [].")
                                .flag("contacts", "List each contact (geoms, bodies, distance, point, normal);"
                                        + " default true.")
                                .sandbox(),
                        call -> state(ws.target(call), call)),
                kit.tool("describe_model", "Describe the model",
                        "The running model as data: its joints (type, where they sit in qpos/qvel, ranges),"
                                + " actuators (control ranges, the joint each drives), bodies, geoms, sensors,"
                                + " cameras (for render_picture) and keyframes (for load_keyframe). Unnamed objects"
                                + " get simulate's labels (joint 3); every tool also accepts #index.",
                        Schema.object().sandbox(), call -> describe(ws.target(call))));
    }

    record Description(String target, String scene, String title, ModelDescription model) {}

    private static Description describe(Target target) {
        SimulationSnapshot now = target.snapshot();
        return new Description(target.name(), now.sceneId(), now.scene().title(), target.describe(now));
    }

    static State state(Target target, ToolCall call) {
        boolean wantsBodies = call.optionalNames("bodies").map(l -> !l.isEmpty()).orElse(true);
        boolean wantsSensors = call.optionalNames("sensors").map(l -> !l.isEmpty()).orElse(true);
        boolean wantsContacts = call.optionalBoolean("contacts").orElse(true);
        SimulationSnapshot now;
        StateProbe.Derived derived = null;
        if (wantsBodies || wantsSensors || wantsContacts) {
            derived = target.derived();
            now = derived.snapshot();
        } else {
            now = target.snapshot();
        }
        ModelDescription model = target.describe(now);
        Map<String, JointState> joints = new LinkedHashMap<>();
        for (ModelDescription.Joint joint : pick(model.joints(), ModelDescription.Joint::name,
                call.optionalNames("joints"), "joint")) {
            joints.put(joint.name(), new JointState(
                    Arrays.copyOfRange(now.qpos(), joint.qposAddress(), joint.qposAddress() + joint.qposCount()),
                    Arrays.copyOfRange(now.qvel(), joint.dofAddress(), joint.dofAddress() + joint.dofCount())));
        }
        Map<String, double[]> controls = new LinkedHashMap<>();
        for (ModelDescription.Actuator actuator : model.actuators()) {
            controls.put(actuator.name(), new double[] {now.ctrl()[actuator.index()]});
        }
        Map<String, BodyState> bodies = new LinkedHashMap<>();
        Map<String, double[]> sensors = new LinkedHashMap<>();
        List<ContactState> contacts = new ArrayList<>();
        if (derived != null) {
            if (wantsBodies) {
                for (String body : pick(model.bodies(), b -> b, call.optionalNames("bodies"), "body")) {
                    int b = model.bodies().indexOf(body);
                    bodies.put(body, new BodyState(Arrays.copyOfRange(derived.bodyPositions(), 3 * b, 3 * b + 3),
                            Arrays.copyOfRange(derived.bodyQuaternions(), 4 * b, 4 * b + 4)));
                }
            }
            if (wantsSensors) {
                for (ModelDescription.Sensor sensor : pick(model.sensors(), ModelDescription.Sensor::name,
                        call.optionalNames("sensors"), "sensor")) {
                    sensors.put(sensor.name(), Arrays.copyOfRange(derived.sensorData(), sensor.address(),
                            sensor.address() + sensor.dim()));
                }
            }
            if (wantsContacts) {
                for (StateProbe.Contact c : derived.contacts()) {
                    contacts.add(new ContactState(model.geoms().get(c.geom1()), model.geoms().get(c.geom2()),
                            model.bodies().get(c.body1()), model.bodies().get(c.body2()), c.distance(),
                            c.position(), c.normal()));
                }
            }
        }
        return new State(target.name(), now.sceneId(), now.time(), now.playing(), now.speed(), joints, controls,
                bodies, sensors, derived == null ? now.contacts() : derived.contacts().size(), contacts);
    }

    /** The named items (each must exist), or all of them when no names were given. */
    private static <T> List<T> pick(List<T> items, java.util.function.Function<T, String> nameOf,
                                    java.util.Optional<List<String>> names, String kind) {
        if (names.isEmpty()) {
            return items;
        }
        List<T> picked = new ArrayList<>();
        for (String name : names.get()) {
            picked.add(ModelDescription.find(items, nameOf, name).orElseThrow(() -> new ToolError(
                    McpMessages.noSuch(kind, name, items.stream().map(nameOf).toList()))));
        }
        return picked;
    }
}
