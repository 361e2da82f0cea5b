package io.simcast.bench;

import io.simcast.app.console.ConsoleTask;
import io.simcast.app.console.panels.PanelsView;
import io.simcast.app.console.panels.PanelsViewModel;
import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.physics.PanelSampler;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.testkit.HeadlessChromium;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast bench panels}: simulate's panels under load. One run, side by side: {@code --viewers} headless
 * Chromium viewers watching the video alone, then the same viewers with every panel of their page shown and a sensor
 * chart ticked (the 10 Hz panel stream drawn in each), reading the real-time factor and the frame rate of the worst
 * and mean viewer each time. Then the console's panels: the JavaFX thread's time per panel update (the view-model's
 * update, the sliders, the sensor chart and the profiler's figure, then the CSS, layout and sync of the pulse that
 * follows, timed by {@link PulseTimer}), the JavaFX thread's CPU time and the wall time per update over
 * {@code --updates} samples of the playing scene, every section open, after {@code --warmup} updates reported apart
 * (the sections' opening and the JIT's first compiles). The scene is the Panda with a sensor per
 * joint written to a temporary file (the presets have no sensors). Needs a display for the console part (xvfb-run).
 */
@Command(name = "panels", mixinStandardHelpOptions = true,
        description = "Browser viewers without and with every simulate panel and a sensor chart (real-time factor,"
                + " video fps), and the console's JavaFX time per panel update (needs a display: xvfb-run).")
final class PanelsBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--viewers", defaultValue = "8",
            description = "Browser viewers (default ${DEFAULT-VALUE}; 0 measures the console alone).")
    int viewers;

    @Option(names = "--seconds", defaultValue = "10", description = "Each measuring window (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--updates", defaultValue = "300",
            description = "Console panel updates timed (default ${DEFAULT-VALUE}).")
    int updates;

    @Option(names = "--warmup", defaultValue = "50",
            description = "Console panel updates before the timed ones, reported apart (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path scene = pandaWithSensors();
        try {
            if (viewers > 0) {
                browsers(out, scene);
            }
            console(out, scene);
        } finally {
            Files.deleteIfExists(scene);
        }
        return 0;
    }

    private void browsers(PrintWriter out, Path scene) throws Exception {
        out.printf("%d browser viewers of the Panda with sensors at 640x480, 30 fps, %d s windows%n", viewers,
                seconds);
        out.println("| pages show | real-time factor | worst viewer fps | mean fps | host CPU % | browsers CPU % |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        try (StreamingBench bench = StreamingBench.start(List.of("--scene", scene.toString(), "--width", "640",
                "--height", "480", "--fps", "30", "--max-viewers", Integer.toString(viewers + 2)))) {
            List<HeadlessChromium.Page> pages = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                pages.add(bench.openViewer());
            }
            Thread.sleep(4000);
            row(out, "the video only", bench.sample(Duration.ofSeconds(seconds)));
            for (HeadlessChromium.Page page : pages) {
                page.evaluate("simcast.workspace.panels().forEach((id) => simcast.workspace.show(id)), true");
            }
            for (HeadlessChromium.Page page : pages) {
                page.waitFor("document.getElementById('sensor-0') !== null", Duration.ofSeconds(60));
                page.evaluate("document.getElementById('sensor-0').click(), true");
                page.waitFor("simcast.sensorChart?.data[0].length > 5", Duration.ofSeconds(60));
            }
            Thread.sleep(4000);
            row(out, "every panel, a sensor chart", bench.sample(Duration.ofSeconds(seconds)));
        }
    }

    private static void row(PrintWriter out, String what, StreamingBench.Sample s) {
        out.printf(Locale.ROOT, "| %s | %.3f | %.1f | %.1f | %.0f | %.0f |%n", what, s.realTimeFactor(), s.worstFps(),
                s.meanFps(), s.hostCpuPercent(), s.browserCpuPercent());
        out.flush();
    }

    /** The console's panels in a window of their own, fed by a real sampler; JavaFX time per update. */
    private void console(PrintWriter out, Path scene) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            out.println("console panels: no display (" + e.getMessage() + "); run under xvfb-run");
            out.flush();
            return;
        }
        started.await(1, TimeUnit.MINUTES);
        try (Simulation simulation = Simulation.start(new SceneCompiler().compile(SceneLocator.locate(
                scene.toString(), SceneLimits.DEFAULT)));
             PanelSampler sampler = new PanelSampler(simulation)) {
            PanelsViewModel model = new PanelsViewModel(simulation);
            PanelsView view = ConsoleTask.onFxThread(() -> {
                PanelsView panels = new PanelsView(model, Optional.empty());
                Stage stage = new Stage();
                stage.setScene(new Scene(panels, 420, 860));
                stage.show();
                return panels;
            });
            PanelSample first = sampler.sample();
            ConsoleTask.onFxThread(() -> {
                model.update(first);
                view.show(first);
                view.lookupAll(".titled-pane").forEach(pane -> ((TitledPane) pane).setExpanded(true));
                ((CheckBox) view.lookup("#sensor-0")).setSelected(true);
                return null;
            });
            PulseTimer pulse = ConsoleTask.onFxThread(() -> new PulseTimer(view.getScene()));
            // The first second opens every section (TitledPane animates, laying out each pulse) and runs the panel code
            // in the interpreter; the console lives for minutes, so the floor is judged on the updates after it.
            Updates opening = time(warmup, sampler, model, view, pulse);
            Updates steady = time(updates, sampler, model, view, pulse);
            // CPU time is what the update costs the JavaFX thread; wall time adds whatever else ran on the cores.
            out.printf(Locale.ROOT, "console panel update on the JavaFX thread (every section open, a sensor chart and"
                    + " the profiler), CPU ms median / p95 / max, %d updates after %d of warm-up: view-model and view"
                    + " %s; the next pulse's CSS and layout %s; the rest of that pulse (scene sync) %s; all %s; wall"
                    + " median %.2f ms, p95 %.2f ms%n", updates, warmup, spread(steady.update), spread(steady.layout),
                    spread(steady.sync), spread(steady.cpu()), percentile(steady.wall, 0.5),
                    percentile(steady.wall, 0.95));
            out.printf(Locale.ROOT, "  the warm-up's %d updates (sections opening, code not yet compiled), all CPU"
                    + " ms: %s%n", warmup, spread(opening.cpu()));
            out.flush();
        } finally {
            Platform.exit();
        }
    }

    /** CPU milliseconds per update: the view-model and view, the next pulse's CSS and layout, the rest of it; wall. */
    private record Updates(double[] update, double[] layout, double[] sync, double[] wall) {
        double[] cpu() {
            double[] all = new double[update.length];
            Arrays.setAll(all, i -> update[i] + layout[i] + sync[i]);
            return all;
        }
    }

    /** {@code count} panel updates at the console's 10 Hz, each timed with the pulse that follows it. */
    private static Updates time(int count, PanelSampler sampler, PanelsViewModel model, PanelsView view,
                                PulseTimer pulse) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Updates times = new Updates(new double[count], new double[count], new double[count], new double[count]);
        for (int i = 0; i < count; i++) {
            Thread.sleep(100);
            PanelSample sample = sampler.sample();
            int at = i;
            CompletableFuture<PulseTimer.Times> next = ConsoleTask.onFxThread(() -> {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                model.update(sample);
                view.show(sample);
                times.update[at] = (threads.getCurrentThreadCpuTime() - startCpu) * 1e-6;
                times.wall[at] = (System.nanoTime() - start) * 1e-6;
                return pulse.next();
            });
            PulseTimer.Times timed = next.get(1, TimeUnit.MINUTES);
            times.layout[at] = timed.cssAndLayoutCpu();
            times.sync[at] = timed.restCpu();
            times.wall[at] += timed.wall();
        }
        return times;
    }

    private static String spread(double[] millis) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", percentile(millis, 0.5), percentile(millis, 0.95),
                percentile(millis, 1));
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    /** The Panda preset with a joint-position sensor per hinge, in a temporary file. */
    private static Path pandaWithSensors() throws Exception {
        String panda;
        try (var in = Simulation.class.getResourceAsStream("/io/simcast/sim/scene/presets/panda.xml")) {
            panda = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        StringBuilder sensors = new StringBuilder("<sensor>");
        for (int joint = 1; joint <= 7; joint++) {
            sensors.append("<jointpos name=\"q").append(joint).append("\" joint=\"joint").append(joint)
                    .append("\"/>");
        }
        Path file = Files.createTempFile("simcast-bench-panda", ".xml");
        Files.writeString(file, panda.replace("</mujoco>", sensors + "</sensor></mujoco>"));
        return file;
    }
}
