package io.simcast.sim.scene;

import io.simcast.sim.core.Model;
import java.util.List;

/**
 * A compiled scene: where it came from and its MuJoCo model. Immutable.
 *
 * <p>The scene holds one reference to its model. Whoever receives a new scene from {@link SceneCompiler} owns that
 * reference and passes it on ({@code Simulation.loadScene} takes it) or calls {@link #release()}.
 *
 * @param source the text and folder it was compiled from (the operator's text, unmodified)
 * @param model the compiled model
 * @param warnings what MuJoCo warned about while compiling
 */
public record Scene(SceneSource source, Model model, List<String> warnings) {
    public Scene {
        warnings = List.copyOf(warnings);
    }

    public String id() {
        return source.id();
    }

    public String title() {
        return source.title();
    }

    public String xml() {
        return source.xml();
    }

    /** Drops this scene's model reference. */
    public void release() {
        model.release();
    }
}
