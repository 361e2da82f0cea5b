package io.simcast.sim.rl;

import io.simcast.sim.scene.Scene;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code num_envs} copies of one task stepped together, with the semantics of Gymnasium 1.x's vector API in its
 * default autoreset mode, next-step: a copy whose episode ended in one {@code step} (terminated or truncated, with
 * its final observation) is reset by the next {@code step}, which ignores that copy's action and returns its first
 * observation with reward 0, terminated and truncated false, and the reset's info.
 *
 * <p>Seeds: copy i is seeded with {@code seed + i} at creation and by {@code reset(seed)}; a reset without a seed
 * and every autoreset continue each copy's generator. Infos are one map per copy (as Stable-Baselines3's VecEnv).
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

    /** What {@code reset} returns: one row and one info per copy. */
    public record Reset(double[][] observations, List<Map<String, Object>> infos) {}

    /** What {@code step} returns: one element per copy. */
    public record Step(double[][] observations, double[] rewards, boolean[] terminated, boolean[] truncated,
                       List<Map<String, Object>> infos) {}

    private final String id;
    private final TaskSpec spec;
    private final Env[] copies;
    private final Lanes lanes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Copies whose episode ended in the last step; each entry belongs to its copy's lane. */
    private final boolean[] autoreset;
    private boolean started;
    private boolean closed;

    private VectorEnv(TaskTemplate template, Scene scene, long seed, int numEnvs, int maxEpisodeSteps, int threads) {
        this.id = "rl-" + IDS.incrementAndGet();
        this.spec = template.spec();
        this.copies = new Env[numEnvs];
        this.autoreset = new boolean[numEnvs];
        try {
            for (int i = 0; i < numEnvs; i++) {
                copies[i] = new Env(scene, template, maxEpisodeSteps, seed + i);
            }
        } catch (RuntimeException e) {
            closeCopies();
            throw e;
        }
        this.lanes = new Lanes(numEnvs, threads > 0 ? threads : automaticLanes(numEnvs), "simcast-" + id);
    }

    /**
     * Creates {@code numEnvs} copies of a task.
     *
     * @param seed seeds copy i with seed + i; null draws a seed
     * @param maxEpisodeSteps truncation limit; null takes the task's default
     * @param threads lanes to step in parallel; 0 chooses from the cores and the number of copies
     * @throws java.util.NoSuchElementException for an unknown robot or task
     * @throws IllegalArgumentException for sizes out of range
     */
    public static VectorEnv create(String robot, String task, Long seed, int numEnvs, Integer maxEpisodeSteps,
                                   int threads) {
        TaskTemplate template = RlCatalog.builtIn().template(robot, task);
        RlLimits.checkNumEnvs(numEnvs);
        int limit = RlLimits.maxEpisodeSteps(maxEpisodeSteps, template.spec());
        Scene scene = RlCatalog.compile(template);
        try {
            return new VectorEnv(template, scene, Env.seedOrRandom(seed), numEnvs, limit, threads);
        } finally {
            scene.release(); // each copy's data holds its own model reference
        }
    }

    /** {@link #create(String, String, Long, int, Integer, int)} with the lanes chosen automatically. */
    public static VectorEnv create(String robot, String task, Long seed, int numEnvs, Integer maxEpisodeSteps) {
        return create(robot, task, seed, numEnvs, maxEpisodeSteps, 0);
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

    /** Resets every copy; see the class comment for seeds. */
    public Reset reset(Long seed, ResetOptions options) {
        lock.lock();
        try {
            requireOpen();
            double[][] observations = new double[copies.length][];
            Map<String, Object>[] infos = infoArray(copies.length);
            started = false; // until every copy has started its episode: a refused option stops some midway
            lanes.forEach(i -> {
                Env.Reset reset = copies[i].reset(seed == null ? null : seed + i, options);
                observations[i] = reset.observation();
                infos[i] = reset.info();
                autoreset[i] = false;
            });
            started = true;
            return new Reset(observations, Arrays.asList(infos));
        } finally {
            lock.unlock();
        }
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
            requireStarted();
            return advance(actions);
        } finally {
            lock.unlock();
        }
    }

    private Step advance(double[][] actions) {
        int n = copies.length;
        double[][] observations = new double[n][];
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        Map<String, Object>[] infos = infoArray(n);
        lanes.forEach(i -> {
            if (autoreset[i]) {
                Env.Reset reset = copies[i].reset(null, ResetOptions.NONE);
                observations[i] = reset.observation();
                infos[i] = reset.info();
                autoreset[i] = false;
            } else {
                Env.Step step = copies[i].advance(actions[i]);
                observations[i] = step.observation();
                rewards[i] = step.reward();
                terminated[i] = step.terminated();
                truncated[i] = step.truncated();
                infos[i] = step.info();
                autoreset[i] = step.done();
            }
        });
        return new Step(observations, rewards, terminated, truncated, Arrays.asList(infos));
    }

    /** One info slot per copy, filled by the lanes (an array: each lane writes its own slots). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object>[] infoArray(int n) {
        return new Map[n];
    }

    /** A live view of copy {@code copy} for a renderer; see {@link CopyWatch}. Any thread, no lock. */
    public CopyWatch watch(int copy) {
        if (copy < 0 || copy >= copies.length) {
            throw new IllegalArgumentException(RlMessages.copyOutOfRange(copy, copies.length));
        }
        return copies[copy].watch();
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

    private void requireStarted() {
        requireOpen();
        if (!started) {
            throw new IllegalStateException(RlMessages.stepBeforeReset());
        }
    }
}
