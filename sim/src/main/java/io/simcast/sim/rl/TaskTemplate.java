package io.simcast.sim.rl;

import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneSource;
import java.util.function.UnaryOperator;

/**
 * A task as the catalogue holds it: its spec, the scene it runs in (the robot's preset, possibly with task props
 * added) and how to make the rules for one copy. Immutable; any thread.
 *
 * @param spec what users see
 * @param sceneVariant turns the preset's MJCF into the task's scene (the identity when nothing is added)
 * @param factory makes the rules for one copy
 */
record TaskTemplate(TaskSpec spec, UnaryOperator<String> sceneVariant, Factory factory) {

    /** Makes one copy's rules from its physics and the environment's task options (already checked by name). */
    @FunctionalInterface
    interface Factory {
        Task create(PhysicsView physics, ResetOptions taskOptions);
    }

    /** The task's scene: the robot's preset with the task's additions; trusted, as presets are. */
    SceneSource source() {
        SceneSource base = PresetCatalog.builtIn().source(RlCatalog.preset(spec.robot()));
        return new SceneSource("rl-" + spec.robot() + "-" + spec.id(), base.title() + ": " + spec.title(),
                sceneVariant.apply(base.xml()), base.fileName(), null, true);
    }

    /** Adds MJCF elements (markers, targets) at the end of the scene's worldbody. */
    static UnaryOperator<String> addToWorld(String elements) {
        return xml -> {
            int end = xml.lastIndexOf("</worldbody>");
            if (end < 0) {
                throw new IllegalStateException("preset without <worldbody>");
            }
            return xml.substring(0, end) + elements + xml.substring(end);
        };
    }
}
