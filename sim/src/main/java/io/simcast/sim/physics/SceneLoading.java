package io.simcast.sim.physics;

import io.simcast.sim.scene.IsolatedSceneCompiler;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How every door loads a scene into a running simulation (the REST API, MCP tools): Simcast's own presets compile
 * in process; everything else (uploads, agents' MJCF) is checked first in a short-lived separate process
 * ({@link IsolatedSceneCompiler}), so no document can crash, stall or exhaust the host. Only a scene that compiled
 * replaces the running one, between two physics steps; a scene that does not compile fails with MuJoCo's message
 * and line and the running scene keeps running. Blocking; call it from a worker thread. Thread-safe.
 */
public final class SceneLoading {
    /** How long the physics thread may take to swap the scene in. */
    private static final long APPLY_SECONDS = 5;

    private final SceneCompiler trusted;
    private final IsolatedSceneCompiler outside;

    public SceneLoading(SceneCompiler trusted, IsolatedSceneCompiler outside) {
        this.trusted = trusted;
        this.outside = outside;
    }

    public SceneLoading(SceneLimits limits) {
        this(new SceneCompiler(limits), new IsolatedSceneCompiler(limits));
    }

    /**
     * The scene as it runs now, with what MuJoCo warned about while compiling it.
     *
     * @param after the first snapshot with the new scene
     */
    public record Loaded(SimulationSnapshot after, List<String> warnings) {}

    /** Compiles a built-in preset (trusted: no separate process). */
    public Scene compile(Preset preset) throws SceneLoadException {
        return trusted.compile(PresetCatalog.builtIn().source(preset));
    }

    /** Compiles a scene from outside after the isolated check. */
    public Scene compileOutside(SceneSource source) throws SceneLoadException {
        return outside.compile(source);
    }

    /** Compiles any source the way its origin asks: Simcast's own in process, everything else isolated first. */
    public Scene compile(SceneSource source) throws SceneLoadException {
        return source.trusted() ? trusted.compile(source) : outside.compile(source);
    }

    /**
     * Swaps a compiled scene in (the simulation takes its model reference).
     *
     * @throws ExecutionException when the physics thread refused it (the cause says why)
     * @throws TimeoutException when the physics thread did not get to it in time
     */
    public Loaded apply(SimulationSource simulation, Scene scene) throws ExecutionException, TimeoutException,
            InterruptedException {
        List<String> warnings = scene.warnings();
        SimulationSnapshot after = simulation.submit(new SimCommand.LoadScene(scene)).get(APPLY_SECONDS,
                TimeUnit.SECONDS);
        return new Loaded(after, warnings);
    }
}
