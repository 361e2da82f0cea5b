package io.simcast.sim.physics;

import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.core.ProfilerClock;
import io.simcast.sim.core.SimData;
import static io.simcast.sim.mujoco.global.MuJoCo.mjPERT_ROTATE;
import static io.simcast.sim.mujoco.global.MuJoCo.mjPERT_TRANSLATE;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_forward;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_resetDataKeyframe;
import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_applyPerturbForce;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_applyPerturbPose;
import static io.simcast.sim.mujoco.global.MuJoCo.mjv_defaultPerturb;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.mujoco.mjvPerturb;
import io.simcast.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MuJoCo simulation running on its own thread, {@code simcast-physics}, which alone owns the model's data.
 *
 * <p>Other threads {@link #submit} {@link SimCommand}s (applied between steps, in order) and read
 * {@link #snapshot()}, an immutable copy of the state published after every batch of steps; nobody ever waits on
 * the physics thread and the physics thread never waits on anybody, so its rate does not depend on the number of
 * readers. Time is paced to the wall clock times a speed factor, or unpaced for benchmarks and RL. When the state
 * diverges (NaN, MuJoCo's instability warning, a MuJoCo error) the scene is reset and listeners hear about it.
 *
 * <p>Events and command results are delivered on a second thread, {@code simcast-sim-events}, so listener code
 * can never stall physics.
 */
public final class Simulation implements SimulationSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    /** Paused, the thread still looks for commands this often (submit also wakes it at once). */
    private static final long IDLE_WAIT_NANOS = 50_000_000L;
    /** Longest stretch of stepping before commands are looked at and a snapshot is published. */
    private static final long MAX_BATCH_NANOS = 10_000_000L;
    /** Unpaced, a snapshot is published this often. */
    private static final long UNPACED_BATCH_NANOS = 1_000_000L;
    /**
     * Still behind real time by more than this (in wall seconds) after a batch has used its budget, the physics cannot
     * keep up: the backlog is dropped instead of caught up.
     */
    private static final double MAX_LAG_SECONDS = 0.1;
    /**
     * Behind by more than this when a batch starts (the process was stopped, the machine slept), the backlog is
     * dropped at once rather than stepped through in one burst; shorter stalls (a busy machine, a collection pause)
     * are caught up.
     */
    private static final double MAX_CATCH_UP_SECONDS = 1.0;
    /** The profiler's figures are averaged over windows this long (the panels sample at 10 Hz). */
    private static final long PROFILER_WINDOW_NANOS = 100_000_000L;

    /**
     * How a simulation starts.
     *
     * @param playing start with time running
     * @param speed speed factor (1 is real time)
     * @param paced pace to the wall clock; false steps as fast as possible
     */
    public record Options(boolean playing, double speed, boolean paced) {
        public static final Options REAL_TIME = new Options(true, 1, true);

        public Options {
            new SimCommand.SetSpeed(speed); // validates the range
        }
    }

    private record Pending(SimCommand command, CompletableFuture<SimulationSnapshot> result) {}

    private final Thread thread;
    private final ExecutorService events;
    private final Queue<Pending> commands = new ConcurrentLinkedQueue<>();
    private final List<SimulationListener> listeners = new CopyOnWriteArrayList<>();
    private volatile SimulationSnapshot latest;
    private volatile boolean closing;

    // Everything below belongs to the physics thread (and to the constructor before it starts).
    private final PacingClock clock = new PacingClock();
    private final RateMeter meter = new RateMeter();
    private final LagReport lag = new LagReport();
    private final BatchBudget batch = new BatchBudget(MAX_BATCH_NANOS);
    private final mjvPerturb perturb = new mjvPerturb();
    private Scene scene;
    private SimData data;
    private long generation;
    private boolean playing;
    private boolean paced;
    private long steps;
    private long sequence;
    private long warningsSeen;
    private Perturbation perturbation = Perturbation.NONE;
    /** User forces, nbody x 6, or null when there are none. */
    private double[] bodyForces;
    private boolean forcesApplied;
    /** How many watch simulate's profiler; MuJoCo's timers run while any does. */
    private int profilerWatchers;
    private StepTimers timers = StepTimers.OFF;
    private long timersReadNanos;

    private Simulation(Scene initial, Options options) {
        MuJoCoLibrary.load();
        mjv_defaultPerturb(perturb);
        try {
            this.data = new SimData(initial.model());
        } catch (RuntimeException e) {
            initial.release();
            throw e;
        }
        this.scene = initial;
        this.generation = 1;
        this.playing = options.playing();
        this.paced = options.paced();
        this.clock.setSpeed(options.speed(), System.nanoTime(), 0);
        resetState();
        publish();
        this.events = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "simcast-sim-events"));
        this.thread = daemon(this::run, "simcast-physics");
    }

    /** Starts simulating {@code scene}, taking its model reference. */
    public static Simulation start(Scene scene, Options options) {
        Simulation simulation = new Simulation(scene, options);
        simulation.thread.start();
        return simulation;
    }

    /** Starts simulating {@code scene} in real time. */
    public static Simulation start(Scene scene) {
        return start(scene, Options.REAL_TIME);
    }

    /** The newest published state; never null, never blocks. */
    @Override
    public SimulationSnapshot snapshot() {
        return latest;
    }

    /**
     * Queues a command for the physics thread.
     *
     * @return completes (on the event thread) with the first snapshot that includes the command's effect, or
     *     exceptionally with the reason it was refused
     */
    @Override
    public CompletableFuture<SimulationSnapshot> submit(SimCommand command) {
        CompletableFuture<SimulationSnapshot> result = new CompletableFuture<>();
        if (closing) {
            result.completeExceptionally(new IllegalStateException("the simulation is closed"));
            return result;
        }
        commands.add(new Pending(command, result));
        LockSupport.unpark(thread);
        return result;
    }

    public void addListener(SimulationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SimulationListener listener) {
        listeners.remove(listener);
    }

    /** Stops the physics thread, frees the data and drops the scene. Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.shutdown();
    }

    // ---- physics thread -------------------------------------------------------------------------------------

    private void run() {
        try {
            while (!closing) {
                applyCommands();
                if (playing) {
                    advance();
                    publish();
                }
                waitForWork();
            }
        } catch (Throwable t) {
            log.error("The physics thread stopped on an unexpected error; the simulation is frozen", t);
        } finally {
            Pending pending;
            while ((pending = commands.poll()) != null) {
                pending.result().completeExceptionally(new IllegalStateException("the simulation is closed"));
            }
            if (profilerWatchers > 0) {
                ProfilerClock.release();
            }
            data.close();
            scene.release();
            perturb.close();
        }
    }

    private void applyCommands() {
        if (commands.isEmpty()) {
            return;
        }
        List<Pending> done = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        Pending pending;
        while ((pending = commands.poll()) != null) {
            done.add(pending);
            try {
                apply(pending.command());
                failures.add(null);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        publish();
        SimulationSnapshot after = latest;
        events.execute(() -> {
            for (int i = 0; i < done.size(); i++) {
                RuntimeException failure = failures.get(i);
                if (failure == null) {
                    done.get(i).result().complete(after);
                } else {
                    done.get(i).result().completeExceptionally(failure);
                }
            }
        });
    }

    private void apply(SimCommand command) {
        long now = System.nanoTime();
        switch (command) {
            case SimCommand.Play play -> setPlaying(true, now);
            case SimCommand.Pause pause -> setPlaying(false, now);
            case SimCommand.TogglePlay toggle -> setPlaying(!playing, now);
            case SimCommand.Step step -> {
                for (int i = 0; i < step.count() && stepOnce(); i++) {
                    // stepOnce does the work; a divergence ends the run early
                }
                clock.anchor(System.nanoTime(), data.time());
            }
            case SimCommand.Reset reset -> {
                resetState();
                clock.anchor(now, data.time());
                meter.restart(now, data.time(), steps);
                emit(new SimulationEvent.Reset(scene.id()));
            }
            case SimCommand.SetSpeed speed -> clock.setSpeed(speed.factor(), now, data.time());
            case SimCommand.ScaleSpeed scale -> clock.setSpeed(Math.clamp(clock.speed() * scale.times(),
                    SimCommand.MIN_SPEED, SimCommand.MAX_SPEED), now, data.time());
            case SimCommand.SetPaced pace -> {
                paced = pace.paced();
                clock.anchor(now, data.time());
            }
            case SimCommand.SetControls controls -> {
                if (controls.values().length != scene.model().nu()) {
                    throw new IllegalArgumentException("this scene has " + scene.model().nu()
                            + " actuators, got " + controls.values().length + " controls");
                }
                data.ctrl().put(controls.values());
            }
            case SimCommand.ClearControls clear -> data.ctrl().zero();
            case SimCommand.SetControl control -> {
                checkIndex("actuator", control.actuator(), scene.model().nu());
                data.ctrl().put(control.actuator(), control.value());
            }
            case SimCommand.ApplyForce force -> applyForce(force);
            case SimCommand.SetPositions positions -> setPositions(positions);
            case SimCommand.LoadKeyframe keyframe -> {
                checkIndex("keyframe", keyframe.key(), scene.model().nkey());
                resetState();
                mj_resetDataKeyframe(scene.model().pointer(), data.pointer(), keyframe.key());
                mj_forward(scene.model().pointer(), data.pointer());
                clock.anchor(now, data.time());
                meter.restart(now, data.time(), steps);
            }
            case SimCommand.Perturb perturbCommand -> setPerturbation(perturbCommand.perturbation());
            case SimCommand.WatchProfiler watch -> watchProfiler(watch.watching(), now);
            case SimCommand.LoadScene load -> swapScene(load.scene());
        }
    }

    private void watchProfiler(boolean watching, long now) {
        if (watching) {
            if (profilerWatchers++ == 0) {
                ProfilerClock.acquire();
                StepTimers.clear(data.pointer());
                timersReadNanos = now;
            }
        } else if (profilerWatchers > 0 && --profilerWatchers == 0) {
            ProfilerClock.release();
            timers = StepTimers.OFF;
        }
    }

    /** A new window of the profiler's averages when the last one is over and anything ran in it. */
    private void readTimers(long now) {
        if (profilerWatchers == 0 || now - timersReadNanos < PROFILER_WINDOW_NANOS) {
            return;
        }
        StepTimers window = StepTimers.readAndClear(data.pointer());
        timersReadNanos = now;
        if (window.steps() > 0 || !timers.on()) {
            timers = window; // paused, the last figures stay, as simulate's do
        }
    }

    private void setPlaying(boolean play, long now) {
        playing = play;
        clock.anchor(now, data.time());
        if (play) {
            meter.restart(now, data.time(), steps);
        } else {
            meter.idle();
        }
    }

    private void advance() {
        long start = System.nanoTime();
        if (!paced) {
            int count = 0;
            while (stepOnce() && ((++count & 63) != 0 || System.nanoTime() - start < UNPACED_BATCH_NANOS)) {
                // step until the batch time is used up
            }
            return;
        }
        double due = clock.due(start);
        if ((due - data.time()) / clock.speed() > MAX_CATCH_UP_SECONDS) {
            skipAhead(due); // stopped for long: run late, not in one burst
            return;
        }
        double halfStep = 0.5 * scene.model().timestep();
        batch.start(start);
        int count = 0;
        while (data.time() + halfStep <= due) {
            if (!stepOnce()) {
                return; // diverged: the scene was reset and the clock anchored afresh
            }
            if ((++count & 15) == 0 && batch.spent()) {
                break;
            }
        }
        if ((due - data.time()) / clock.speed() > MAX_LAG_SECONDS) {
            skipAhead(due); // too slow for this speed: run late, not in bursts
        }
    }

    /** Gives up the backlog up to {@code due}: time runs on from the present state, later than the wall clock. */
    private void skipAhead(double due) {
        long now = System.nanoTime();
        lag.skipped(now, (due - data.time()) / clock.speed(), scene.id(), clock.speed());
        clock.anchor(now, data.time());
    }

    /** One mj_step with the user's forces; false when the step diverged and the scene was reset. */
    private boolean stepOnce() {
        mjModel m = scene.model().pointer();
        mjData d = data.pointer();
        try {
            applyForces(m, d);
            mj_step(m, d);
        } catch (RuntimeException e) {
            diverged(e.getMessage());
            return false;
        }
        steps++;
        long warnings = MuJoCoLibrary.warningCount();
        if (warnings != warningsSeen) {
            warningsSeen = warnings;
            for (String warning : MuJoCoLibrary.drainWarnings()) {
                if (warning.contains("unstable") || warning.contains("QACC")) {
                    diverged(warning);
                    return false;
                }
            }
        }
        return true;
    }

    private void applyForces(mjModel m, mjData d) {
        boolean active = bodyForces != null || perturbation.active();
        if (!active && !forcesApplied) {
            return;
        }
        if (bodyForces != null) {
            data.xfrcApplied().put(bodyForces);
        } else {
            data.xfrcApplied().zero();
        }
        if (perturbation.active()) {
            mjv_applyPerturbPose(m, d, perturb, 0); // moves mocap bodies only
            mjv_applyPerturbForce(m, d, perturb);
        }
        forcesApplied = active;
    }

    private void applyForce(SimCommand.ApplyForce force) {
        int nbody = scene.model().nbody();
        if (force.body() < 1 || force.body() >= nbody) {
            throw new IllegalArgumentException("body must be between 1 and " + (nbody - 1) + ", got " + force.body());
        }
        if (bodyForces == null) {
            bodyForces = new double[6 * nbody];
        }
        System.arraycopy(force.force(), 0, bodyForces, 6 * force.body(), 3);
        System.arraycopy(force.torque(), 0, bodyForces, 6 * force.body() + 3, 3);
        boolean any = false;
        for (double value : bodyForces) {
            any |= value != 0;
        }
        if (!any) {
            bodyForces = null;
        }
    }

    private void setPositions(SimCommand.SetPositions positions) {
        for (int index : positions.indices()) {
            checkIndex("position index", index, scene.model().nq());
        }
        for (int i = 0; i < positions.indices().length; i++) {
            data.qpos().put(positions.indices()[i], positions.values()[i]);
        }
        mj_forward(scene.model().pointer(), data.pointer());
    }

    private void setPerturbation(Perturbation next) {
        if (next.body() >= scene.model().nbody()) {
            throw new IllegalArgumentException("no body " + next.body() + " in this scene");
        }
        perturbation = next;
        perturb.select(next.body());
        perturb.active((next.translate() ? mjPERT_TRANSLATE : 0) | (next.rotate() ? mjPERT_ROTATE : 0));
        perturb.refpos().put(next.referencePosition());
        perturb.refquat().put(next.referenceQuaternion());
        perturb.localpos().put(next.localPosition());
        perturb.scale(next.scale());
        if (!playing && next.active()) {
            // Paused, simulate moves the selected body directly instead of pulling it.
            mjv_applyPerturbPose(scene.model().pointer(), data.pointer(), perturb, 1);
            mj_forward(scene.model().pointer(), data.pointer());
        }
    }

    private void swapScene(Scene next) {
        SimData nextData;
        try {
            nextData = new SimData(next.model());
        } catch (RuntimeException e) {
            next.release();
            throw new IllegalStateException("MuJoCo could not allocate the new scene's data; the old scene keeps"
                    + " running: " + e.getMessage(), e);
        }
        SimData oldData = data;
        Scene oldScene = scene;
        data = nextData;
        scene = next;
        generation++;
        resetState();
        long now = System.nanoTime();
        clock.anchor(now, data.time());
        meter.restart(now, data.time(), steps);
        oldData.close();
        oldScene.release();
        log.info("Scene {} loaded (replaced {})", next.id(), oldScene.id());
        emit(new SimulationEvent.SceneLoaded(next, generation));
    }

    /** Keyframe 0 if there is one, else the reference pose; clears user forces and the perturbation. */
    private void resetState() {
        data.resetToInitialState();
        steps = 0;
        bodyForces = null;
        forcesApplied = false;
        setPerturbationNone();
        MuJoCoLibrary.drainWarnings();
        warningsSeen = MuJoCoLibrary.warningCount();
    }

    private void setPerturbationNone() {
        perturbation = Perturbation.NONE;
        mjv_defaultPerturb(perturb);
    }

    private void diverged(String reason) {
        double time = data.time();
        // Diverging on the first step from the initial state, it would diverge again after every reset: a tight
        // loop of resets and warnings. Pause instead, as a person would, and say so.
        boolean fromTheStart = steps <= 1; // a step that raised a warning was counted
        resetState();
        long now = System.nanoTime();
        clock.anchor(now, data.time());
        meter.restart(now, data.time(), steps);
        if (fromTheStart && playing) {
            setPlaying(false, now);
            log.warn("Scene {} diverges from its initial state ({}); it was paused", scene.id(), reason);
        } else {
            log.warn("Scene {} diverged at t={} s ({}); it was reset to its initial state", scene.id(),
                    String.format("%.3f", time), reason);
        }
        emit(new SimulationEvent.Diverged(scene.id(), time, reason));
    }

    private void publish() {
        long now = System.nanoTime();
        double[] qpos = data.qpos().copy();
        double[] qvel = data.qvel().copy();
        if (!finite(qpos) || !finite(qvel)) {
            diverged("NaN or infinity in the state");
            qpos = data.qpos().copy();
            qvel = data.qvel().copy();
        }
        if (playing) {
            meter.update(now, data.time(), steps);
        }
        readTimers(now);
        mjData d = data.pointer();
        latest = new SimulationSnapshot(++sequence, scene, generation, playing, paced, clock.speed(), d.time(),
                steps, qpos, qvel, data.act().copy(), data.ctrl().copy(), data.mocapPos().copy(),
                data.mocapQuat().copy(), d.energy(0), d.energy(1), d.ncon(), SolverStats.of(d), timers,
                meter.realTimeFactor(),
                meter.stepsPerSecond(), lag.totalSeconds(), perturbation, now);
    }

    private void waitForWork() {
        if (closing || !commands.isEmpty() || (playing && !paced)) {
            return;
        }
        long wait = IDLE_WAIT_NANOS;
        if (playing) {
            long nextStepDue = clock.wallTimeOf(data.time() + scene.model().timestep());
            wait = Math.min(wait, nextStepDue - System.nanoTime());
        }
        if (wait > 0) {
            LockSupport.parkNanos(this, wait);
        }
    }

    private void emit(SimulationEvent event) {
        events.execute(() -> {
            for (SimulationListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("A simulation listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        });
    }

    private static boolean finite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static void checkIndex(String what, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(what + " must be between 0 and " + (count - 1) + ", got " + index);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
