package io.simcast.sim.scene;

/**
 * A check that {@link CompileCheck}, the isolated check's child process, runs on a scene it compiled and stepped:
 * the renderer making its GL resources for the model, for one ({@code io.simcast.sim.render.RenderCheck}). Found
 * through {@link java.util.ServiceLoader} ({@code META-INF/services}), so that this package does not depend on the
 * packages that check it. Called on the child's main thread only.
 */
public interface CompiledSceneCheck {
    /** Returns normally when {@code scene} is fine; throws with the sentence the user reads when it must be refused. */
    void check(Scene scene) throws SceneLoadException;
}
