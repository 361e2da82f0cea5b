package io.simcast.sim.render;

import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.physics.SimulationSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one {@link io.simcast.sim.physics.SimulationSource} (the live simulation, or a watched RL copy) offscreen for any number of {@link View}s, each with its own size, camera, visual
 * options and frame rate. Every picture Simcast shows comes from here.
 *
 * <p>One thread, {@code simcast-render}, owns the EGL/OpenGL context and every GL and MuJoCo rendering object, and a
 * private copy of the simulation state that it brings up to date from the newest {@link
 * io.simcast.sim.physics.SimulationSnapshot} (so every frame shows one consistent state, and the physics thread never
 * waits for rendering). Methods of this class and of its views may be called from any thread: they queue work for
 * the render thread and return at once.
 *
 * <p>When the machine has no EGL, {@link #start} throws {@link RenderUnavailableException} saying what to install;
 * the simulation itself is unaffected.
 */
public final class Renderer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Renderer.class);
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final RenderLoop loop;
    private final Thread thread;
    private final RendererInfo info;
    private final AtomicInteger viewIds = new AtomicInteger();
    private volatile boolean closed;

    private Renderer(RenderLoop loop, Thread thread, RendererInfo info) {
        this.loop = loop;
        this.thread = thread;
        this.info = info;
    }

    /**
     * Creates the GL context on a new {@code simcast-render} thread and starts serving views of {@code simulation}.
     *
     * @throws RenderUnavailableException when EGL or a suitable OpenGL is missing
     */
    public static Renderer start(SimulationSource simulation) {
        MuJoCoLibrary.load();
        RenderLoop loop = new RenderLoop(simulation);
        Thread thread = new Thread(loop, "simcast-render");
        thread.setDaemon(true);
        thread.start();
        try {
            RendererInfo info = awaitReady(loop.ready());
            log.info("Rendering with {}", info.summary());
            return new Renderer(loop, thread, info);
        } catch (RenderUnavailableException e) {
            loop.close();
            throw e;
        }
    }

    /**
     * What rendering would run on, found by creating and destroying a context on a short-lived thread
     * ({@code simcast check}).
     *
     * @throws RenderUnavailableException when EGL or a suitable OpenGL is missing
     */
    public static RendererInfo probe() {
        CompletableFuture<RendererInfo> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (EglContext context = EglContext.create()) {
                result.complete(context.info());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "simcast-render-probe");
        thread.setDaemon(true);
        thread.start();
        return awaitReady(result);
    }

    public RendererInfo info() {
        return info;
    }

    /** Frames per second and time per frame over the last second, all views together. */
    public RenderStats stats() {
        return loop.stats();
    }

    /**
     * What simulate's profiler shows for {@code renderer}'s frames, read from its last published figures (never
     * waits for the render thread); {@link PanelSample.Drawing#NONE} without a renderer.
     */
    public static Supplier<PanelSample.Drawing> drawing(Optional<Renderer> renderer) {
        return renderer.<Supplier<PanelSample.Drawing>>map(r -> () -> r.stats().drawing())
                .orElse(() -> PanelSample.Drawing.NONE);
    }

    /** A new view; it renders once someone {@link View#subscribe() subscribes}. */
    public View createView(ViewSpec spec) {
        if (closed) {
            throw new IllegalStateException(RenderMessages.rendererClosed());
        }
        ViewState state = new ViewState("view-" + viewIds.incrementAndGet(), loop, spec);
        View view = new View(loop, state, spec);
        loop.execute(new RenderLoop.Task(() -> loop.addView(state), () -> {}));
        return view;
    }

    /** Stops the render thread, which closes every view and frees every GL object first. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The render thread did not stop within {} s", CLOSE_TIMEOUT_SECONDS);
        }
    }

    private static RendererInfo awaitReady(CompletableFuture<RendererInfo> ready) {
        try {
            return ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RenderUnavailableException unavailable) {
                throw unavailable;
            }
            throw new RenderUnavailableException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw new RenderUnavailableException(RenderMessages.startTimedOut(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderUnavailableException(RenderMessages.startTimedOut(), e);
        }
    }
}
