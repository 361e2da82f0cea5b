package io.simcast.sim.rl;

import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.scene.Scene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code num_envs} copies of one task stepped together, with the semantics of Gymnasium 1.x's vector API: copy i is
 * seeded with {@code seed + i} (or its own seed), copies may be reset alone ({@code reset_mask}), and a copy whose
 * episode ended is reset as its {@link AutoresetMode} says: by the next step (Gymnasium's default), within the same
 * step with the ended episode's last observation and info returned beside the new one (Stable-Baselines3's way), or
 * only when the caller asks.
 *
 * <p>Seeds: a reset without a seed and every autoreset continue each copy's generator. Infos are one map per copy;
 * the REST layer and the Python package turn them into the shape each library wants.
 *
 * <p>Threads: any thread may call; calls are serialised by a lock. Copies are stepped in parallel {@link Lanes}
 * when there are enough of them to pay for it: lane 0 on the caller (under the lock), every other lane always on its
 * own thread, so a copy's data is never touched by two threads at once. {@link #watch} needs no lock.
 * {@link #close()} frees every copy's data exactly once.
 */
public final class VectorEnv implements AutoCloseable {
    /** Fewer copies than this per extra thread, and parallel stepping costs more than it saves. */
    static final int MIN_COPIES_PER_LANE = 4;
    private static final AtomicLong IDS = new AtomicLong();

    /**
     * How to make a vector environment.
     *
     * @param numEnvs copies
     * @param seed seeds copy i with seed + i; null draws a seed
     * @param maxEpisodeSteps truncation limit; null takes the task's default
     * @param autoresetMode when ended copies are reset
     * @param taskOptions the task's create-time options ({@link TaskSpec#taskOptions()})
     * @param threads lanes to step in parallel; 0 chooses from the cores and the number of copies
     */
    public record Settings(int numEnvs, Long seed, Integer maxEpisodeSteps, AutoresetMode autoresetMode,
                           ResetOptions taskOptions, int threads) {
        /** Gymnasium's defaults: next-step autoreset, no task options, lanes chosen automatically. */
        public static Settings of(int numEnvs, Long seed, Integer maxEpisodeSteps) {
            return new Settings(numEnvs, seed, maxEpisodeSteps, AutoresetMode.NEXT_STEP, ResetOptions.NONE, 0);
        }

        public Settings withAutoresetMode(AutoresetMode mode) {
            return new Settings(numEnvs, seed, maxEpisodeSteps, mode, taskOptions, threads);
        }

        public Settings withTaskOptions(ResetOptions options) {
            return new Settings(numEnvs, seed, maxEpisodeSteps, autoresetMode, options, threads);
        }

        public Settings withThreads(int lanes) {
            return new Settings(numEnvs, seed, maxEpisodeSteps, autoresetMode, taskOptions, lanes);
        }
    }

    /**
     * What {@code reset} returns: one row and one info per copy. Copies left out by a mask keep their last
     * observation and get an empty info.
     */
    public record Reset(double[][] observations, List<Map<String, Object>> infos) {}

    /**
     * What {@code step} returns: one element per copy. In {@link AutoresetMode#SAME_STEP} mode {@code finals} holds,
     * for each copy whose episode ended in this step, the ended episode's last observation and info (null for the
     * others), while {@code observations} and {@code infos} hold the new episode's first; empty in the other modes.
     */
    public record Step(double[][] observations, double[] rewards, boolean[] terminated, boolean[] truncated,
                       List<Map<String, Object>> infos, Optional<Finals> finals) {}

    /** The ended episodes' last observations and infos of a same-step autoreset; null where a copy did not end. */
    public record Finals(double[][] observations, List<Map<String, Object>> infos) {}

    private final String id;
    private final TaskSpec spec;
    private final AutoresetMode autoresetMode;
    private final Env[] copies;
    private final Lanes lanes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Each copy's last observation (what a masked reset returns for the copies it leaves alone). */
    private final double[][] observations;
    private boolean closed;

    private VectorEnv(TaskTemplate template, Scene scene, long seed, int maxEpisodeSteps, Settings settings) {
        this.id = "rl-" + IDS.incrementAndGet();
        this.spec = template.spec();
        this.autoresetMode = settings.autoresetMode();
        int numEnvs = settings.numEnvs();
        this.copies = new Env[numEnvs];
        this.observations = new double[numEnvs][spec.observationSpace().size()];
        try {
            for (int i = 0; i < numEnvs; i++) {
                copies[i] = new Env(scene, template, maxEpisodeSteps, seed + i, settings.taskOptions());
            }
        } catch (RuntimeException e) {
            closeCopies();
            throw e;
        }
        int lanes = settings.threads() > 0 ? settings.threads() : automaticLanes(numEnvs);
        this.lanes = new Lanes(numEnvs, lanes, "simcast-" + id);
    }

    /**
     * Creates the copies of a catalogue task.
     *
     * @throws java.util.NoSuchElementException for an unknown robot or task
     * @throws IllegalArgumentException for sizes out of range or unknown task options
     */
    public static VectorEnv create(String robot, String task, Settings settings) {
        return open(RlCatalog.builtIn().template(robot, task), RlCatalog::compile, settings, RlLimits.DEFAULT);
    }

    /** {@link #create(String, String, Settings)} with {@code threads} lanes (0: automatic). */
    public static VectorEnv create(String robot, String task, Long seed, int numEnvs, Integer maxEpisodeSteps,
                                   int threads) {
        return create(robot, task, Settings.of(numEnvs, seed, maxEpisodeSteps).withThreads(threads));
    }

    /** {@link #create(String, String, Settings)} with Gymnasium's defaults. */
    public static VectorEnv create(String robot, String task, Long seed, int numEnvs, Integer maxEpisodeSteps) {
        return create(robot, task, Settings.of(numEnvs, seed, maxEpisodeSteps));
    }

    /** The scene a template runs in; the caller owns the returned reference. */
    @FunctionalInterface
    interface SceneFor {
        Scene compile(TaskTemplate template);
    }

    /** Checks the settings against the template and the limits, compiles the scene and makes the copies. */
    static VectorEnv open(TaskTemplate template, SceneFor scenes, Settings settings, RlLimits limits) {
        limits.checkNumEnvs(settings.numEnvs());
        int maxEpisodeSteps = RlLimits.maxEpisodeSteps(settings.maxEpisodeSteps(), template.spec());
        settings.taskOptions().requireKnownTaskOptions(template.spec().taskOptions());
        Scene scene = scenes.compile(template);
        try {
            return new VectorEnv(template, scene, Env.seedOrRandom(settings.seed()), maxEpisodeSteps, settings);
        } finally {
            scene.release(); // each copy's data holds its own model reference
        }
    }

    /** One lane per core, but only when each lane gets at least {@value #MIN_COPIES_PER_LANE} copies. */
    public static int automaticLanes(int numEnvs) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), numEnvs / MIN_COPIES_PER_LANE));
    }

    public String id() {
        return id;
    }

    public TaskSpec spec() {
        return spec;
    }

    public AutoresetMode autoresetMode() {
        return autoresetMode;
    }

    public int numEnvs() {
        return copies.length;
    }

    /** Gymnasium's {@code single_observation_space}: one copy's observation. */
    public Box singleObservationSpace() {
        return spec.observationSpace();
    }

    /** Gymnasium's {@code single_action_space}: one copy's action. */
    public Box singleActionSpace() {
        return spec.actionSpace();
    }

    public int maxEpisodeSteps() {
        return copies[0].maxEpisodeSteps();
    }

    /** Simulated seconds per step. */
    public double controlTimestep() {
        return copies[0].controlTimestep();
    }

    /** Threads stepping the copies (the caller's included). */
    public int threads() {
        return lanes.count();
    }

    /** Resets every copy; copy i gets {@code seed + i}, or continues its generator when {@code seed} is null. */
    public Reset reset(Long seed, ResetOptions options) {
        return reset(Seeds.of(seed), options, null);
    }

    /**
     * Resets the copies {@code mask} selects (all when null), each with its seed from {@code seeds}.
     *
     * @throws IllegalArgumentException for a mask or seed list of the wrong length, a mask selecting nothing, or
     *     options the task does not take
     */
    public Reset reset(Seeds seeds, ResetOptions options, boolean[] mask) {
        seeds.requireSize(copies.length);
        if (mask != null) {
            checkMask(mask);
        }
        lock.lock();
        try {
            requireOpen();
            Map<String, Object>[] infos = infoArray(copies.length);
            lanes.forEach(i -> {
                if (mask == null || mask[i]) {
                    Env.Reset reset = copies[i].reset(seeds.forCopy(i), options);
                    observations[i] = reset.observation();
                    infos[i] = reset.info();
                } else {
                    infos[i] = Map.of();
                }
            });
            return new Reset(rowsCopy(), Arrays.asList(infos));
        } finally {
            lock.unlock();
        }
    }

    private void checkMask(boolean[] mask) {
        if (mask.length != copies.length) {
            throw new IllegalArgumentException(RlMessages.maskWrongLength(copies.length, mask.length));
        }
        for (boolean selected : mask) {
            if (selected) {
                return;
            }
        }
        throw new IllegalArgumentException(RlMessages.maskSelectsNothing());
    }

    /** Steps every copy; {@code actions} holds num_envs x action_dim numbers, copy after copy. */
    public Step step(double[] actions) {
        return stepChecked(ActionCheck.rows(actions, copies.length, spec.actionSpace()));
    }

    /** Steps every copy; {@code actions[i]} is copy i's action. */
    public Step step(double[][] actions) {
        return stepChecked(ActionCheck.rows(actions, copies.length, spec.actionSpace()));
    }

    private Step stepChecked(double[][] actions) {
        lock.lock();
        try {
            requireOpen();
            requireSteppable();
            return advance(actions);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses a step before any copy is simulated: every copy must have started, and without autoreset an ended
     * copy must have been reset.
     */
    private void requireSteppable() {
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < copies.length; i++) {
            if (!copies[i].started()) {
                throw new IllegalStateException(RlMessages.stepBeforeReset());
            }
            if (autoresetMode == AutoresetMode.DISABLED && copies[i].needsReset()) {
                waiting.add(i);
            }
        }
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(RlMessages.endedCopiesNeedReset(waiting));
        }
    }

    private Step advance(double[][] actions) {
        int n = copies.length;
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        Map<String, Object>[] infos = infoArray(n);
        boolean sameStep = autoresetMode == AutoresetMode.SAME_STEP;
        double[][] finalObservations = sameStep ? new double[n][] : null;
        Map<String, Object>[] finalInfos = sameStep ? infoArray(n) : null;
        lanes.forEach(i -> {
            Env copy = copies[i];
            if (autoresetMode == AutoresetMode.NEXT_STEP && copy.needsReset()) {
                Env.Reset reset = copy.reset(null, ResetOptions.NONE);
                observations[i] = reset.observation();
                infos[i] = reset.info();
                return;
            }
            Env.Step step = copy.advance(actions[i]);
            rewards[i] = step.reward();
            terminated[i] = step.terminated();
            truncated[i] = step.truncated();
            if (sameStep && step.done()) {
                finalObservations[i] = step.observation();
                finalInfos[i] = step.info();
                Env.Reset reset = copy.reset(null, ResetOptions.NONE);
                observations[i] = reset.observation();
                infos[i] = reset.info();
            } else {
                observations[i] = step.observation();
                infos[i] = step.info();
            }
        });
        Optional<Finals> finals = sameStep
                ? Optional.of(new Finals(finalObservations, Arrays.asList(finalInfos))) : Optional.empty();
        return new Step(rowsCopy(), rewards, terminated, truncated, Arrays.asList(infos), finals);
    }

    /** The observation rows as returned to callers: the array is new, the rows are the copies' fresh arrays. */
    private double[][] rowsCopy() {
        return observations.clone();
    }

    /** One info slot per copy, filled by the lanes (an array: each lane writes its own slots). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object>[] infoArray(int n) {
        return new Map[n];
    }

    /** A live view of copy {@code copy} for a renderer; see {@link CopyWatch}. Any thread, no lock. */
    public CopyWatch watch(int copy) {
        return copies[checkCopy(copy)].watch();
    }

    /**
     * Publishes copy {@code copy}'s state now, so that watchers and renderers see exactly the state the last call
     * left (unwatched copies publish only at resets); returns what was published.
     */
    public SimulationSnapshot publish(int copy) {
        checkCopy(copy);
        lock.lock();
        try {
            requireOpen();
            return copies[copy].publish();
        } finally {
            lock.unlock();
        }
    }

    /** Copy {@code copy}'s whole state; see {@link CopyState}. */
    public CopyState state(int copy) {
        checkCopy(copy);
        lock.lock();
        try {
            requireOpen();
            return copies[copy].state();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a state back into copy {@code copy}, whose episode goes on from it; returns its observation.
     *
     * @throws IllegalArgumentException naming what does not fit (nothing changes then)
     */
    public double[] setState(int copy, CopyState state) {
        checkCopy(copy);
        lock.lock();
        try {
            requireOpen();
            double[] observation = copies[copy].setState(state);
            observations[copy] = observation;
            return observation;
        } finally {
            lock.unlock();
        }
    }

    private int checkCopy(int copy) {
        if (copy < 0 || copy >= copies.length) {
            throw new IllegalArgumentException(RlMessages.copyOutOfRange(copy, copies.length));
        }
        return copy;
    }

    /** Stops the lane threads and frees every copy's data (idempotent). */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            lanes.close();
            closeCopies();
        } finally {
            lock.unlock();
        }
    }

    private void closeCopies() {
        for (Env copy : copies) {
            if (copy != null) {
                copy.close();
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(RlMessages.closed());
        }
    }
}
