package io.simcast.sim.render;

import static org.lwjgl.opengl.GL11C.glFinish;

import io.simcast.sim.physics.Perturbation;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSource;
import io.simcast.sim.physics.SimulationSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the {@code simcast-render} thread: it owns the EGL context, the scene's GL and MuJoCo objects and every
 * view's, and nothing else touches them.
 *
 * <p>Each pass it runs the queued tasks (camera moves, picks, new views, subscriptions) in the order they were
 * queued, reads the newest snapshot, swaps scene resources when the scene changed, and renders the views that are
 * due: their subscribers exist, their period has passed and their picture would change. The state is copied from
 * one snapshot and forwarded once for all of them, all are drawn, the GPU is waited for once, then each is read
 * back and published. It never waits on the physics thread; between passes it sleeps until a view is due or a task
 * arrives.
 *
 * <p>Other threads only call {@link #execute}, {@link #stats()} and {@link #close()}.
 */
final class RenderLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RenderLoop.class);
    /** With nothing to render the thread still looks at the snapshot this often (tasks wake it at once). */
    private static final long IDLE_WAIT_NANOS = 100_000_000L;

    /** Work for the render thread; {@code abandon} runs instead when the renderer closes first. */
    record Task(Runnable action, Runnable abandon) {}

    private final SimulationSource simulation;
    private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<RendererInfo> ready = new CompletableFuture<>();
    private final RenderMeter meter = new RenderMeter();
    private volatile Thread thread;
    private volatile boolean closing;
    private volatile boolean stopped;

    // Everything below belongs to the render thread.
    private final List<ViewState> views = new ArrayList<>();
    // Reused by every pass, so a steady stream of frames allocates nothing here.
    private final List<ViewState> due = new ArrayList<>();
    private final List<ViewState> drawn = new ArrayList<>();
    private SceneResources scene;
    private long failedGeneration = -1;
    private Perturbation selection = Perturbation.NONE;
    private int snapshotSelection;

    RenderLoop(SimulationSource simulation) {
        this.simulation = simulation;
    }

    /** Completes with what the context runs on once it is current, or with why it could not be made. */
    CompletableFuture<RendererInfo> ready() {
        return ready;
    }

    RenderStats stats() {
        return meter.stats();
    }

    /** Names of the fixed cameras in the simulation's current scene, in model order (any thread). */
    List<String> fixedCameraNames() {
        return simulation.snapshot().scene().model().cameraNames();
    }

    /** Queues work for the render thread (any thread); runs {@code abandon} instead if the loop has stopped. */
    void execute(Task task) {
        tasks.add(task);
        if (stopped) {
            abandonTasks();
        } else {
            LockSupport.unpark(thread);
        }
    }

    /** Asks the loop to stop; the render thread frees everything on its way out. */
    void close() {
        closing = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        EglContext egl;
        try {
            egl = EglContext.create();
        } catch (Throwable t) {
            stopped = true;
            ready.completeExceptionally(t);
            return;
        }
        ready.complete(egl.info());
        try {
            while (!closing) {
                pass();
            }
        } catch (Throwable t) {
            log.error("The render thread stopped on an unexpected error; views get no more frames", t);
        } finally {
            stopped = true;
            abandonTasks();
            views.forEach(ViewState::close);
            views.clear();
            if (scene != null) {
                scene.close();
            }
            egl.close();
        }
    }

    // ---- for view states (render thread) ---------------------------------------------------------------------

    /** The current scene's resources; null until the first scene opened. */
    SceneResources scene() {
        return scene;
    }

    void addView(ViewState view) {
        view.attach(scene);
        views.add(view);
    }

    void removeView(ViewState view) {
        views.remove(view);
        view.close();
    }

    /** The selected body, shared by all views: the newest of our own selection and the simulation's. */
    Perturbation selection() {
        return selection;
    }

    /** Selects a body (or none) for every view and tells the simulation, which draws and keeps it. */
    void select(Perturbation next) {
        selection = next;
        perturb(next);
    }

    /** Hands a perturbation to the physics thread, which applies its spring between steps. */
    void perturb(Perturbation perturbation) {
        simulation.submit(new SimCommand.Perturb(perturbation)).exceptionally(failure -> {
            log.debug("Perturbation refused: {}", failure.getMessage());
            return null;
        });
    }

    // ---- the pass --------------------------------------------------------------------------------------------

    private void pass() {
        SimulationSnapshot snapshot = simulation.snapshot();
        boolean sceneReady = ensureScene(snapshot); // first, so tasks act on the scene they will be drawn in
        if (sceneReady && !tasks.isEmpty()) {
            scene.load(snapshot); // picks and drags act on the state on screen, not an older one
        }
        runTasks();
        long now = System.nanoTime();
        snapshot = simulation.snapshot(); // the newest state, taken after the tasks that asked for a picture
        if (!sceneReady || snapshot.sceneGeneration() != scene.generation()) {
            meter.add(now, 0, 0, 0);
            if (!sceneReady) {
                sleepUntil(now + IDLE_WAIT_NANOS);
            }
            return; // a new scene arrived meanwhile: the next pass opens it
        }
        followSelection(snapshot);
        due.clear();
        for (ViewState view : views) {
            if (view.wantsFrame(now, snapshot.sequence())) {
                due.add(view);
            }
        }
        render(snapshot, now);
        long after = System.nanoTime();
        long wake = after + IDLE_WAIT_NANOS;
        for (ViewState view : views) {
            wake = Math.min(wake, view.wakeAt(after));
        }
        sleepUntil(wake);
    }

    /** Draws the due views, waits for the GPU once, then reads back and publishes each. */
    private void render(SimulationSnapshot snapshot, long start) {
        if (due.isEmpty()) {
            meter.add(start, 0, 0, 0);
            return;
        }
        try {
            scene.load(snapshot);
            for (ViewState view : due) {
                if (view.draw(scene)) {
                    drawn.add(view);
                }
            }
            glFinish(); // so the times below split drawing from reading back
            long rendered = System.nanoTime();
            for (ViewState view : drawn) {
                view.publish(snapshot, start);
            }
            meter.add(System.nanoTime(), drawn.size(), rendered - start, System.nanoTime() - rendered);
        } catch (RuntimeException e) {
            due.forEach(ViewState::abandonFrame);
            log.warn("Rendering scene {} failed; trying again with the next state", snapshot.sceneId(), e);
            sleepUntil(System.nanoTime() + IDLE_WAIT_NANOS);
        } finally {
            due.clear(); // keeps no closed view reachable between passes
            drawn.clear();
        }
    }

    /** Opens resources for a new scene and frees the old; false when there is no usable scene right now. */
    private boolean ensureScene(SimulationSnapshot snapshot) {
        if (scene != null && scene.generation() == snapshot.sceneGeneration()) {
            return true;
        }
        if (snapshot.sceneGeneration() == failedGeneration) {
            return false;
        }
        SceneResources next;
        try {
            next = SceneResources.open(snapshot.scene().model(), snapshot.sceneGeneration());
        } catch (RuntimeException e) {
            failedGeneration = snapshot.sceneGeneration();
            log.error("Scene {} cannot be rendered: {}", snapshot.sceneId(), e.getMessage());
            return false;
        }
        if (next == null) {
            return false; // replaced and freed while we looked: the next snapshot has the newer scene
        }
        next.load(snapshot);
        SceneResources old = scene;
        scene = next;
        selection = Perturbation.NONE;
        snapshotSelection = 0;
        for (ViewState view : views) {
            view.sceneChanged(scene);
        }
        if (old != null) {
            old.close();
        }
        return true;
    }

    /** Another view, renderer or a reset changed the simulation's selection: follow it. */
    private void followSelection(SimulationSnapshot snapshot) {
        int body = snapshot.perturbation().body();
        if (body != snapshotSelection) {
            snapshotSelection = body;
            selection = body > 0 ? Perturbation.select(body, snapshot.perturbation().localPosition())
                    : Perturbation.NONE;
        }
    }

    private void runTasks() {
        Task task;
        while ((task = tasks.poll()) != null) {
            try {
                task.action().run();
            } catch (RuntimeException e) {
                log.warn("A render task failed", e);
            }
        }
    }

    private void abandonTasks() {
        Task task;
        while ((task = tasks.poll()) != null) {
            task.abandon().run();
        }
    }

    private void sleepUntil(long deadline) {
        long wait = deadline - System.nanoTime();
        if (wait > 0 && tasks.isEmpty() && !closing) {
            LockSupport.parkNanos(this, wait);
        }
    }
}
