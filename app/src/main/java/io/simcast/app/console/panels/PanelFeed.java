package io.simcast.app.console.panels;

import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.physics.PanelSampler;
import io.simcast.sim.physics.SimulationSource;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Samples the panels' values ten times a second on {@code simcast-console-panels} (a {@link PanelSampler}: the
 * forward pass for the sensors runs here, never on the physics or JavaFX thread) and hands the newest to the JavaFX
 * thread; a sample the UI had no time for is replaced, never queued. Started and closed by the console.
 */
public final class PanelFeed implements AutoCloseable {
    private static final long PERIOD_MILLIS = 100;

    private final PanelSampler sampler;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "simcast-console-panels");
        named.setDaemon(true);
        return named;
    });
    private final AtomicReference<PanelSample> pending = new AtomicReference<>();

    /** @param drawing the renderer's figures for the profiler ({@code Renderer.drawing}) */
    public PanelFeed(SimulationSource simulation, Supplier<PanelSample.Drawing> drawing) {
        this.sampler = new PanelSampler(simulation, drawing);
    }

    /** Starts sampling; {@code consumer} runs through {@code fx}. */
    public void start(Consumer<PanelSample> consumer, Executor fx) {
        thread.scheduleAtFixedRate(() -> {
            if (pending.getAndSet(sampler.sample()) == null) {
                fx.execute(() -> consumer.accept(pending.getAndSet(null)));
            }
        }, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler.close();
    }
}
