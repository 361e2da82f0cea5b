package io.simcast.sim.rl;

import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The robots and tasks Simcast offers for RL, and the compiled scene of each; what {@code GET /api/rl/robots}
 * lists. Immutable; any thread.
 */
public final class RlCatalog {
    private static final RlCatalog BUILT_IN = new RlCatalog(List.of(
            CartPoleBalance.template(),
            CartPoleSwingUp.template(),
            ArmReach.template(ArmSpec.PANDA),
            PandaPickCube.template(),
            ArmReach.template(ArmSpec.UR5E),
            AnymalWalk.template()));

    /** robot id -> task id -> template, in catalogue order. */
    private final Map<String, Map<String, TaskTemplate>> templates = new LinkedHashMap<>();
    private final List<RobotSpec> robots;

    private RlCatalog(List<TaskTemplate> all) {
        for (TaskTemplate template : all) {
            templates.computeIfAbsent(template.spec().robot(), robot -> new LinkedHashMap<>())
                    .put(template.spec().id(), template);
        }
        List<RobotSpec> list = new ArrayList<>();
        templates.forEach((robot, tasks) -> list.add(new RobotSpec(robot, preset(robot).title(),
                tasks.values().stream().map(TaskTemplate::spec).toList())));
        this.robots = List.copyOf(list);
    }

    /** The catalogue shipped in Simcast. */
    public static RlCatalog builtIn() {
        return BUILT_IN;
    }

    /** Every robot with its tasks and their spaces. */
    public List<RobotSpec> robots() {
        return robots;
    }

    /**
     * One task's spec.
     *
     * @throws NoSuchElementException naming the robots or tasks there are
     */
    public TaskSpec spec(String robot, String task) {
        return template(robot, task).spec();
    }

    TaskTemplate template(String robot, String task) {
        Map<String, TaskTemplate> tasks = templates.get(robot);
        if (tasks == null) {
            throw new NoSuchElementException(RlMessages.unknownRobot(robot, templates.keySet()));
        }
        TaskTemplate template = tasks.get(task);
        if (template == null) {
            throw new NoSuchElementException(RlMessages.unknownTask(robot, task, tasks.keySet()));
        }
        return template;
    }

    /** The preset a robot comes from (same id). */
    static Preset preset(String robot) {
        return PresetCatalog.builtIn().find(robot).orElseThrow(() -> new IllegalStateException(
                "RL robot " + robot + " has no preset"));
    }

    /**
     * Compiles a task's scene: the robot's preset with the task's props (target markers). The caller owns the
     * scene's model reference. Environments compile their own; this is for benchmarks and previews.
     */
    public Scene compileScene(String robot, String task) {
        return compile(template(robot, task));
    }

    /** Compiles the task's scene; the caller owns the returned scene's model reference. */
    static Scene compile(TaskTemplate template) {
        try {
            return new SceneCompiler().compile(template.source());
        } catch (SceneLoadException e) {
            throw new IllegalStateException("RL scene for " + template.spec().robot() + "/" + template.spec().id()
                    + " does not compile: " + e.getMessage(), e);
        }
    }
}
