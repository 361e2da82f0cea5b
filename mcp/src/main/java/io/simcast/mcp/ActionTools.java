package io.simcast.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.Role;
import io.simcast.streaming.input.Commands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Acting: controls by actuator name, joint positions by joint name, a force on a body, N steps while paused, play,
 * pause, reset, speed and keyframes. Each becomes the same {@link SimCommand} the page's buttons and the REST API
 * send (named commands through {@link Commands}, the one definition for every client), applied by the physics
 * thread in order; the answer is the state after it. Acting needs the controller role.
 */
final class ActionTools {
    private static final long ANSWER_SECONDS = 5;

    private ActionTools() {}

    /** What an action answers: the time and play state after it. */
    record After(String target, String scene, double time, boolean playing, double speed, long steps) {
        static After of(Target target, SimulationSnapshot s) {
            return new After(target.name(), s.sceneId(), s.time(), s.playing(), s.speed(), s.steps());
        }
    }

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(
                kit.tool("set_controls", "Set actuator controls",
                        "Set actuators' control inputs by actuator name (describe_model lists them with their"
                                + " ranges; MuJoCo clamps values outside a limited range). Controls stay until set"
                                + " again or the scene is reset. The simulation must play or step to respond.",
                        Schema.object().numbersByName("controls", "Actuator name to control value, e.g."
                                + " {\"slide\": 0.5}.").sandbox().required("controls"),
                        call -> setControls(ws.target(call), call)),
                kit.tool("set_joint_positions", "Set joint positions",
                        "Pose joints by name: one number for a hinge (radians) or slide (metres), 4 for a ball"
                                + " joint's quaternion, 7 for a free joint (position, then quaternion w,x,y,z)."
                                + " Velocities stay; positions derived from them are recomputed at once.",
                        Schema.object().numbersByName("positions", "Joint name to its qpos value(s), e.g."
                                + " {\"hinge\": 1.57}.").sandbox().required("positions"),
                        call -> setPositions(ws.target(call), call)),
                kit.tool("apply_force", "Apply a force to a body",
                        "A constant force (newtons) and torque (newton metres), world frame, at a body's centre of"
                                + " mass, until replaced, cleared with zeros, or the scene is reset.",
                        Schema.object().text("body", "The body's name (describe_model lists them).")
                                .vector("force", "Force x, y, z in newtons.", 3)
                                .vector("torque", "Torque x, y, z in newton metres; zeros when left out.", 3)
                                .sandbox().required("body", "force"),
                        call -> applyForce(ws.target(call), call)),
                kit.tool("step", "Step the simulation",
                        "Pause, then advance exactly 'count' physics steps at once (each the model's timestep), and"
                                + " answer the time after. The way to run a controlled experiment.",
                        Schema.object().integer("count", "How many steps; 1 when left out.", 1, 100_000).sandbox(),
                        call -> step(ws.target(call), call)),
                kit.tool("simulation_command", "Play, pause, reset or change speed",
                        "play: run in real time (times the speed); pause: stop time; reset: back to the initial"
                                + " state (keyframe 0 when the model has one), clearing applied forces; speed: set"
                                + " the real-time factor 'factor' (1/16 to 16).",
                        Schema.object().choice("command", "What to do.", List.of("play", "pause", "reset", "speed"))
                                .number("factor", "The speed factor, for 'speed'.").sandbox().required("command"),
                        call -> command(ws.target(call), call)),
                kit.tool("load_keyframe", "Load a keyframe",
                        "Put the whole state (time, positions, velocities, controls) at one of the model's"
                                + " keyframes, by name or #index (describe_model lists them); applied forces are"
                                + " cleared.",
                        Schema.object().text("keyframe", "The keyframe's name or #index.").sandbox()
                                .required("keyframe"),
                        call -> keyframe(ws.target(call), call)));
    }

    private static After submit(Target target, ToolCall call, SimCommand... commands) throws Exception {
        call.require(Role.CONTROLLER, "Acting on a simulation");
        SimulationSnapshot after = null;
        for (SimCommand command : commands) {
            after = target.simulation().submit(command).get(ANSWER_SECONDS, TimeUnit.SECONDS);
        }
        return After.of(target, after);
    }

    private static After setControls(Target target, ToolCall call) throws Exception {
        ModelDescription model = target.describe();
        List<SimCommand> commands = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : call.vectorsByName("controls").entrySet()) {
            ModelDescription.Actuator actuator = model.actuator(entry.getKey()).orElseThrow(() -> new ToolError(
                    McpMessages.noSuch("actuator", entry.getKey(),
                            model.actuators().stream().map(ModelDescription.Actuator::name).toList())));
            if (entry.getValue().length != 1) {
                throw new ToolError(McpMessages.wrongType("controls." + entry.getKey(), "one number"));
            }
            commands.add(new SimCommand.SetControl(actuator.index(), entry.getValue()[0]));
        }
        return submit(target, call, commands.toArray(SimCommand[]::new));
    }

    private static After setPositions(Target target, ToolCall call) throws Exception {
        ModelDescription model = target.describe();
        List<Integer> indices = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : call.vectorsByName("positions").entrySet()) {
            ModelDescription.Joint joint = model.joint(entry.getKey()).orElseThrow(() -> new ToolError(
                    McpMessages.noSuch("joint", entry.getKey(),
                            model.joints().stream().map(ModelDescription.Joint::name).toList())));
            double[] value = entry.getValue();
            if (value.length != joint.qposCount()) {
                throw new ToolError(McpMessages.wrongLength(joint.name(), joint.qposCount(), value.length));
            }
            for (int i = 0; i < value.length; i++) {
                indices.add(joint.qposAddress() + i);
                values.add(value[i]);
            }
        }
        return submit(target, call, new SimCommand.SetPositions(indices.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static After applyForce(Target target, ToolCall call) throws Exception {
        ModelDescription model = target.describe();
        String name = call.string("body");
        int body = model.body(name).orElseThrow(() -> new ToolError(McpMessages.noSuch("body", name,
                model.bodies())));
        double[] torque = call.optionalNumbers("torque").orElse(new double[3]);
        return submit(target, call, new SimCommand.ApplyForce(body, call.optionalNumbers("force")
                .orElseThrow(() -> new ToolError(McpMessages.missing("force"))), torque));
    }

    private static After step(Target target, ToolCall call) throws Exception {
        int count = call.optionalInteger("count").orElse(1);
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("count", count);
        return submit(target, call, new SimCommand.Pause(), Commands.parse("step", params));
    }

    private static After command(Target target, ToolCall call) throws Exception {
        String name = call.string("command");
        if (!List.of("play", "pause", "reset", "speed").contains(name)) {
            throw new ToolError(McpMessages.wrongType("command", "play, pause, reset or speed"));
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        call.optionalNumber("factor").ifPresent(factor -> params.put("factor", factor));
        return submit(target, call, Commands.parse(name, params));
    }

    private static After keyframe(Target target, ToolCall call) throws Exception {
        ModelDescription model = target.describe();
        String name = call.string("keyframe");
        ModelDescription.Keyframe key = model.keyframe(name).orElseThrow(() -> new ToolError(McpMessages.noSuch(
                "keyframe", name, model.keyframes().stream().map(ModelDescription.Keyframe::name).toList())));
        return submit(target, call, new SimCommand.LoadKeyframe(key.index()));
    }
}
