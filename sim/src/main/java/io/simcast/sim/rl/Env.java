package io.simcast.sim.rl;

import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.core.SimData;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.scene.Scene;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One environment with Gymnasium's semantics: {@link #reset} returns (observation, info), {@link #step} returns
 * (observation, reward, terminated, truncated, info); episodes are truncated after {@code maxEpisodeSteps} steps,
 * as Gymnasium's {@code TimeLimit} does. A seed passed to {@code reset} re-seeds the copy's random generator, so the
 * same seed and the same actions give the same trajectory, bit for bit; a reset without a seed continues the
 * generator.
 *
 * <p>Owns its {@link SimData} (which holds a model reference) and frees it exactly once in {@link #close()}. Not
 * thread-safe: one thread at a time, and the data belongs to the thread inside {@code reset} or {@code step};
 * {@link VectorEnv} never lets two threads touch a copy at once.
 *
 * <p>A step whose physics diverges (MuJoCo warns or fails, or the state is no longer finite) ends the episode as
 * terminated with reward 0 and {@code info["diverged"]} saying why; non-finite observation values read 0. It is
 * terminated, not truncated, as in Gymnasium's MuJoCo tasks and MuJoCo Playground: nothing after a diverged state is
 * worth bootstrapping from.
 */
public final class Env implements AutoCloseable {
    /** What {@code reset} returns. */
    public record Reset(double[] observation, Map<String, Object> info) {}

    /** What {@code step} returns. */
    public record Step(double[] observation, double reward, boolean terminated, boolean truncated,
                       Map<String, Object> info) {
        /** Terminated or truncated: the next call must be a reset. */
        public boolean done() {
            return terminated || truncated;
        }
    }

    private final TaskSpec spec;
    private final Scene scene;
    private final SimData data;
    private final PhysicsView physics;
    private final Task task;
    private final LiveCopy live = new LiveCopy();
    private final int maxEpisodeSteps;
    private SplittableRandom random;
    private int elapsed;
    private long physicsSteps;
    private boolean needsReset = true;
    private boolean started;
    private boolean closed;

    /**
     * A copy of {@code template}'s task in {@code scene} (which must be the template's scene); takes no ownership.
     *
     * @param taskOptions the environment's task options, already checked by name
     */
    Env(Scene scene, TaskTemplate template, int maxEpisodeSteps, long seed, ResetOptions taskOptions) {
        this.spec = template.spec();
        this.scene = scene;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.random = new SplittableRandom(seed);
        this.data = new SimData(scene.model());
        try {
            this.physics = new PhysicsView(scene, data);
            this.task = template.factory().create(physics, taskOptions);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        physics.forward(); // the model's reference pose, until the first reset
        live.publish(scene, data, 0);
    }

    /**
     * One environment of a task from the catalogue.
     *
     * @param seed seeds the generator; null draws a seed
     * @param maxEpisodeSteps truncation limit; null takes the task's default
     * @throws java.util.NoSuchElementException for an unknown robot or task
     */
    public static Env create(String robot, String task, Long seed, Integer maxEpisodeSteps) {
        TaskTemplate template = RlCatalog.builtIn().template(robot, task);
        int limit = RlLimits.maxEpisodeSteps(maxEpisodeSteps, template.spec());
        Scene scene = RlCatalog.compile(template);
        try {
            return new Env(scene, template, limit, seedOrRandom(seed), ResetOptions.NONE);
        } finally {
            scene.release(); // the data holds its own model reference
        }
    }

    /** The given seed, or a fresh random one. */
    static long seedOrRandom(Long seed) {
        return seed != null ? seed : new SplittableRandom().nextLong();
    }

    public TaskSpec spec() {
        return spec;
    }

    public Box observationSpace() {
        return spec.observationSpace();
    }

    public Box actionSpace() {
        return spec.actionSpace();
    }

    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Simulated seconds per environment step. */
    public double controlTimestep() {
        return spec.frameSkip() * physics.timestep();
    }

    /**
     * Starts an episode.
     *
     * @param seed re-seeds the copy's generator when not null
     * @param options the task's reset options (see {@link TaskSpec#resetOptions()})
     */
    public Reset reset(Long seed, ResetOptions options) {
        requireOpen();
        options.requireKnown(spec.resetOptions());
        if (seed != null) {
            random = new SplittableRandom(seed);
        }
        needsReset = true;
        started = false; // until the reset completes: one refused for its options leaves the copy unstarted
        task.reset(random, options);
        physics.forward();
        MuJoCoLibrary.drainWarnings(); // what earlier work on this thread reported is not this episode's
        elapsed = 0;
        physicsSteps = 0;
        needsReset = false;
        started = true;
        double[] observation = observation();
        Map<String, Object> info = new LinkedHashMap<>();
        task.info(info);
        live.publish(scene, data, physicsSteps);
        return new Reset(observation, info);
    }

    /** Takes one step; the action must lie in the action space. */
    public Step step(double[] action) {
        requireOpen();
        if (needsReset) {
            throw new IllegalStateException(RlMessages.stepBeforeReset());
        }
        ActionCheck.single(action, spec.actionSpace());
        return advance(action);
    }

    /** {@link #step} for an action already checked. */
    Step advance(double[] action) {
        task.applyAction(action);
        String divergence = simulate();
        double[] observation = observation();
        if (divergence == null && !allFinite(observation)) {
            divergence = "NaN or infinity in the state";
        }
        elapsed++;
        Map<String, Object> info = new LinkedHashMap<>();
        Step step;
        if (divergence == null) {
            double reward = task.reward(action);
            task.info(info);
            step = new Step(observation, reward, task.terminated(), elapsed >= maxEpisodeSteps, info);
        } else {
            zeroNonFinite(observation);
            info.put("diverged", divergence);
            step = new Step(observation, 0, true, elapsed >= maxEpisodeSteps, info);
        }
        needsReset = step.done();
        if (live.watched()) {
            live.publish(scene, data, physicsSteps);
        }
        return step;
    }

    /** Runs the physics steps of one environment step; returns why it diverged, or null. */
    private String simulate() {
        long warningsBefore = MuJoCoLibrary.warningCount();
        try {
            for (int i = 0; i < spec.frameSkip(); i++) {
                physics.step();
                physicsSteps++;
            }
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        if (MuJoCoLibrary.warningCount() != warningsBefore) {
            List<String> warnings = MuJoCoLibrary.drainWarnings(); // the count is process-wide, the list ours
            if (!warnings.isEmpty()) {
                return String.join("; ", warnings);
            }
        }
        return null;
    }

    private double[] observation() {
        double[] observation = new double[spec.observationSpace().size()];
        task.observe(observation);
        return observation;
    }

    /** A live view of this copy for a renderer; see {@link CopyWatch}. */
    public CopyWatch watch() {
        return new CopyWatch(live);
    }

    /** Whether the next call must be a reset: never started, or the episode ended. */
    boolean needsReset() {
        return needsReset;
    }

    /** Whether an episode was ever started (a reset that completed). */
    boolean started() {
        return started;
    }

    /** Publishes the state now for whoever watches or draws this copy; returns what was published. */
    SimulationSnapshot publish() {
        live.publish(scene, data, physicsSteps);
        return live.latest();
    }

    /** The copy's whole state; see {@link CopyState}. */
    public CopyState state() {
        requireOpen();
        return physics.state().read(elapsed, task.memory());
    }

    /**
     * Puts a state read earlier back (from this copy or another copy of the same task) and recomputes what derives
     * from it; the episode goes on from there. Returns the observation of that state.
     *
     * @throws IllegalArgumentException naming the part that does not fit this task's model (nothing changes then)
     */
    public double[] setState(CopyState state) {
        requireOpen();
        physics.state().requireFits(state);
        Task.requireSameShape(task.memory(), state.task());
        if (state.elapsedSteps() < 0 || state.elapsedSteps() >= maxEpisodeSteps) {
            throw new IllegalArgumentException(RlMessages.elapsedOutOfRange(state.elapsedSteps(), maxEpisodeSteps));
        }
        physics.state().write(state);
        task.restore(state.task());
        physics.forward();
        physics.state().restoreWarmstart(state);
        MuJoCoLibrary.drainWarnings();
        elapsed = state.elapsedSteps();
        needsReset = false;
        started = true;
        live.publish(scene, data, physicsSteps);
        return observation();
    }

    /** Frees the native data (once); later calls fail with a clear message. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            data.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(RlMessages.closed());
        }
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static void zeroNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                values[i] = 0;
            }
        }
    }
}
