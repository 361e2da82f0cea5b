package io.simcast.app.console.session;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationListener;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.SimulationSource;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's simulation: one {@link Simulation} and the thread that compiles editor text into scenes for it.
 *
 * <p>Called on the JavaFX thread; nothing here blocks it. Compiling happens on {@code simcast-console-compile}, one
 * scene at a time; the swap itself on the physics thread. Futures complete on those threads: callers hop back to the
 * JavaFX thread themselves. A scene that fails to compile never reaches the simulation, so the running one keeps
 * running.
 */
public final class SimulationSession implements SimulationSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulationSession.class);

    private final Simulation simulation;
    private final Compiler compiler;
    private final ExecutorService compileThread = WorkerThreads.single("simcast-console-compile");

    /** Turns a source into a scene on the compile thread: {@link SceneCompiler}, or a test's stand-in that waits. */
    @FunctionalInterface
    public interface Compiler {
        Scene compile(SceneSource source) throws SceneLoadException;
    }

    private SimulationSession(Simulation simulation, Compiler compiler) {
        this.simulation = simulation;
        this.compiler = compiler;
    }

    /** Starts simulating {@code first} in real time, taking its model reference. Any thread. */
    public static SimulationSession start(Scene first) {
        return start(first, new SceneCompiler()::compile);
    }

    /** As {@link #start(Scene)}, compiling further scenes with {@code compiler}. */
    public static SimulationSession start(Scene first, Compiler compiler) {
        return new SimulationSession(Simulation.start(first), compiler);
    }

    /** The simulation itself, for the renderer and the streaming host, which read it and command it themselves. */
    public Simulation simulation() {
        return simulation;
    }

    /**
     * Loads a scene compiled elsewhere (a generated one), taking its model reference.
     *
     * @return completes with the first snapshot of the new scene
     */
    public CompletableFuture<SimulationSnapshot> load(Scene scene) {
        return simulation.submit(new SimCommand.LoadScene(scene));
    }

    /** The newest state; never blocks. */
    @Override
    public SimulationSnapshot snapshot() {
        return simulation.snapshot();
    }

    /** Queues a command; a refused one (a bad speed) is also logged, since the console's callers do not wait. */
    @Override
    public CompletableFuture<SimulationSnapshot> submit(SimCommand command) {
        CompletableFuture<SimulationSnapshot> applied = simulation.submit(command);
        applied.exceptionally(failure -> {
            log.warn("Command {} refused: {}", command.getClass().getSimpleName(), failure.getMessage());
            return null;
        });
        return applied;
    }

    /**
     * Compiles {@code source} off the JavaFX thread and swaps it in.
     *
     * @return completes with the first snapshot of the new scene, or exceptionally with the
     *     {@link SceneLoadException} that names what is wrong (the old scene still running)
     */
    public CompletableFuture<SimulationSnapshot> load(SceneSource source) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return compiler.compile(source);
            } catch (SceneLoadException e) {
                throw new CompletionException(e);
            }
        }, compileThread).thenCompose(scene -> simulation.submit(new SimCommand.LoadScene(scene)));
    }

    public void addListener(SimulationListener listener) {
        simulation.addListener(listener);
    }

    public void removeListener(SimulationListener listener) {
        simulation.removeListener(listener);
    }

    /** Stops compiling and the simulation. Idempotent; waits briefly for a compile in progress. Not the FX thread. */
    @Override
    public void close() {
        WorkerThreads.stop(compileThread, true);
        simulation.close();
    }
}
