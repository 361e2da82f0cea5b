package io.simcast.app.console.monitor;

import io.simcast.app.console.view.FrameMeter;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.render.RenderStats;
import io.simcast.sim.render.Renderer;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.streaming.viewer.ViewerStats;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the console's machinery {@value #PER_SECOND} times a second on its own thread,
 * {@code simcast-console-stats}: the newest simulation snapshot, {@link Renderer#stats()}, the live view's
 * {@link FrameMeter} and the host's viewer statistics. Every read is of published values, never a wait. Samples go to
 * the consumers through {@code fx} (the JavaFX thread); should it fall behind, only the newest sample waits there.
 */
public final class Sampler implements AutoCloseable {
    /** Samples per second: enough for charts that move and a viewer list that keeps up, little work. */
    public static final int PER_SECOND = 2;
    private static final Logger log = LoggerFactory.getLogger(Sampler.class);

    private final Supplier<SimulationSnapshot> snapshots;
    private final Optional<Renderer> renderer;
    private final FrameMeter liveView;
    private final Supplier<Optional<StreamingHost>> host;
    private final long started = System.nanoTime();
    private final AtomicReference<ConsoleSample> pending = new AtomicReference<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "simcast-console-stats");
        named.setDaemon(true);
        return named;
    });

    public Sampler(Supplier<SimulationSnapshot> snapshots, Optional<Renderer> renderer, FrameMeter liveView,
                   Supplier<Optional<StreamingHost>> host) {
        this.snapshots = snapshots;
        this.renderer = renderer;
        this.liveView = liveView;
        this.host = host;
    }

    /** Starts sampling; every sample reaches each consumer on {@code fx}. */
    public void start(List<Consumer<ConsoleSample>> consumers, Executor fx) {
        List<Consumer<ConsoleSample>> all = List.copyOf(consumers);
        thread.scheduleAtFixedRate(() -> {
            try {
                if (pending.getAndSet(sample()) == null) {
                    fx.execute(() -> {
                        ConsoleSample newest = pending.getAndSet(null);
                        all.forEach(consumer -> consumer.accept(newest));
                    });
                }
            } catch (RuntimeException e) {
                log.warn("A statistics sample failed", e);
            }
        }, 0, 1000 / PER_SECOND, TimeUnit.MILLISECONDS);
    }

    /** What the machinery says now. Any thread. */
    public ConsoleSample sample() {
        SimulationSnapshot snapshot = snapshots.get();
        RenderStats rendered = renderer.map(Renderer::stats).orElse(null);
        FrameMeter.Window shown = liveView.window();
        List<ViewerStats> viewers = host.get().map(StreamingHost::viewerStats).orElse(List.of());
        return new ConsoleSample((System.nanoTime() - started) * 1e-9, snapshot.playing(),
                snapshot.realTimeFactor(), rendered == null ? 0 : rendered.framesPerSecond(),
                shown.framesPerSecond(), shown.meanLatencyMillis(), viewers);
    }

    /** Stops sampling; a sample in flight may still arrive. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
