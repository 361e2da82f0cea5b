package io.simcast.bench;

import io.simcast.testkit.ProcessCpu;
import io.simcast.app.console.Console;
import io.simcast.app.console.ConsoleServices;
import io.simcast.app.console.ConsoleTask;
import io.simcast.app.console.session.WorkerThreads;
import io.simcast.app.console.view.DurationHistogram;
import io.simcast.app.console.view.FrameMeter;
import io.simcast.sim.render.RenderStats;
import io.simcast.sim.render.Renderer;
import io.simcast.testkit.HeadlessChromium;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;

/**
 * {@code simcast bench console}: the real console window, its live view made exactly {@code width} x {@code height},
 * one headless Chromium viewer watching the console's embedded host, and what the operator would notice: frames the
 * live view put on screen per second and how long the JavaFX thread was ever held up. Three readings of the JavaFX
 * thread: the gaps between its pulses (its heartbeat, 16.7 ms at 60 Hz), its own time putting each frame up, and
 * how long a task posted to it ({@code Platform.runLater}, every {@value #PROBE_MILLIS} ms) waited to run.
 *
 * <p>Runs on the console's task thread; the probe posts from {@code simcast-bench-fx-probe}. Needs a display and,
 * for WebRTC, a network interface other than loopback (scripts/netns.sh).
 */
public final class ConsoleBenchmark implements ConsoleTask {
    private static final long PROBE_MILLIS = 10;
    private static final Duration FIT_TIMEOUT = Duration.ofSeconds(20);

    /**
     * What the measuring window showed.
     *
     * @param liveView frames on screen, their age and the JavaFX thread's pulses and work per frame
     * @param taskWait how long a task posted to the JavaFX thread waited
     * @param viewerFps frames per second the browser's video element showed
     * @param realTimeFactor the simulation's mean real-time factor
     * @param rendererFps frames the renderer drew per second, the console's view and the browser's together
     * @param renderMillis the renderer's mean time per frame, drawing and readback
     * @param processCpuPercent this process (simulation, renderer, host, window), Chromium not counted; 100 = one core
     * @param browserCpuPercent Chromium, all its processes
     */
    public record Result(int width, int height, FrameMeter.Summary liveView, DurationHistogram.Spread taskWait,
                         double viewerFps, double realTimeFactor, double rendererFps, double renderMillis,
                         double processCpuPercent,
                         double browserCpuPercent) {
        /** The floor: 30 frames per second, and nothing held the JavaFX thread up for more than 50 ms. */
        public boolean meetsFloor() {
            return liveView.framesPerSecond() >= 30 && liveView.pulseGap().maxMillis() <= 50
                    && taskWait.maxMillis() <= 50;
        }
    }

    private final int width;
    private final int height;
    private final Duration warmUp;
    private final Duration window;
    private volatile Result result;

    public ConsoleBenchmark(int width, int height, Duration warmUp, Duration window) {
        this.width = width;
        this.height = height;
        this.warmUp = warmUp;
        this.window = window;
    }

    /** The figures, once {@link #run} has returned; null before or after a failure. */
    public Result result() {
        return result;
    }

    @Override
    public void run(Stage stage, Console console, ConsoleServices services) throws Exception {
        URI address = services.sharing().host().orElseThrow(() -> new IllegalStateException(
                "the console's streaming host did not start: " + services.sharing().problem())).operatorPage();
        Renderer renderer = services.rendering().renderer().orElseThrow(() -> new IllegalStateException(
                "nothing renders: " + services.rendering().problem()));
        fitLiveView(console);
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            HeadlessChromium.Page page = StreamingBench.openViewer(browser, address);
            Thread.sleep(warmUp.toMillis());

            DurationHistogram taskWait = new DurationHistogram(100_000, 10_000);
            ScheduledExecutorService probe = WorkerThreads.scheduled("simcast-bench-fx-probe");
            FrameMeter meter = console.liveViewMeter();
            long self = ProcessHandle.current().pid();
            double processCpu = ProcessCpu.cpuSeconds(self);
            double browserCpu = ProcessCpu.cpuSeconds(browser.pid());
            long viewerFrames = StreamingBench.framesShown(page);
            long rendered = renderer.stats().frames();
            long start = System.nanoTime();
            meter.reset();
            probe.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long waited = System.nanoTime() - posted;
                    synchronized (taskWait) {
                        taskWait.add(waited);
                    }
                });
            }, 0, PROBE_MILLIS, TimeUnit.MILLISECONDS);
            List<Double> factors = new ArrayList<>();
            List<Double> renderTimes = new ArrayList<>();
            try {
                while (System.nanoTime() - start < window.toNanos()) {
                    Thread.sleep(1000);
                    factors.add(services.session().snapshot().realTimeFactor());
                    RenderStats stats = renderer.stats();
                    renderTimes.add(stats.renderMillis() + stats.readbackMillis());
                }
            } finally {
                probe.shutdownNow();
            }
            FrameMeter.Summary shown = meter.summary();
            // Chromium is this process's child: its CPU is counted in both, and taken out of the console's.
            double browserSeconds = ProcessCpu.cpuSeconds(browser.pid()) - browserCpu;
            double wall = (System.nanoTime() - start) * 1e-9;
            double viewerFps = (StreamingBench.framesShown(page) - viewerFrames) / wall;
            DurationHistogram.Spread waits;
            synchronized (taskWait) {
                waits = taskWait.spread();
            }
            result = new Result(width, height, shown, waits, viewerFps, mean(factors),
                    (renderer.stats().frames() - rendered) / wall, mean(renderTimes),
                    100 * (ProcessCpu.cpuSeconds(self) - processCpu - browserSeconds) / wall,
                    100 * browserSeconds / wall);
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Sizes the window until the live view is {@code width} x {@code height} and shows a picture of that size. */
    private void fitLiveView(Console console) throws Exception {
        long deadline = System.nanoTime() + FIT_TIMEOUT.toNanos();
        while (!ConsoleTask.onFxThread(() -> console.fitLiveView(width, height)
                && console.liveViewPicture().equals(new Dimension2D(width, height)))) {
            if (System.nanoTime() > deadline) {
                Dimension2D shown = ConsoleTask.onFxThread(console::liveViewPicture);
                throw new IllegalStateException(String.format(Locale.ROOT, "the live view did not reach %dx%d (it"
                        + " shows %.0fx%.0f): is the screen big enough?", width, height, shown.getWidth(),
                        shown.getHeight()));
            }
            Thread.sleep(100);
        }
    }
}
