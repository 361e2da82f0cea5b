package io.simcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.bench.ConsoleBenchmark;
import io.simcast.bench.StreamingBench;
import io.simcast.app.console.ConsoleLauncher;
import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.view.DurationHistogram;
import io.simcast.app.console.view.FrameMeter;
import io.simcast.generate.LlmConfiguration;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.ViewMode;
import io.simcast.testkit.LinkImpairment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The streaming benchmarks of docs/PERFORMANCE.md: {@code simcast serve} in a child process, headless Chromium
 * viewers on the same machine. WebRTC needs a network interface other than loopback: where there is none, run
 * them as root through {@code scripts/netns.sh}.
 */
final class StreamingBenchCommands {
    private StreamingBenchCommands() {}

    /** Options every streaming benchmark shares: what {@code serve} runs. */
    static final class ServeOptions {
        @Option(names = "--scene", defaultValue = "double-pendulum", description = "Scene (default ${DEFAULT-VALUE}).")
        String scene;

        @Option(names = "--width", defaultValue = "640", description = "Frame width (default ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--height", defaultValue = "480", description = "Frame height (default ${DEFAULT-VALUE}).")
        int height;

        @Option(names = "--fps", defaultValue = "30", description = "Frame rate (default ${DEFAULT-VALUE}).")
        int fps;

        List<String> arguments(String... more) {
            List<String> arguments = new ArrayList<>(List.of("--scene", scene, "--width", Integer.toString(width),
                    "--height", Integer.toString(height), "--fps", Integer.toString(fps)));
            arguments.addAll(List.of(more));
            return arguments;
        }

        String describe() {
            return String.format(Locale.ROOT, "%s at %dx%d, %d fps", scene, width, height, fps);
        }
    }

    /** {@code simcast bench latency}. */
    @Command(name = "latency", mixinStandardHelpOptions = true,
            description = "Glass-to-glass latency: capture time stamped into frames, read back in Chromium.")
    static final class Latency implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServeOptions serve = new ServeOptions();

        @Option(names = "--seconds", defaultValue = "30", description = "Measuring time (default ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (StreamingBench bench = StreamingBench.start(serve.arguments("--latency-stamp"))) {
                bench.openViewer();
                Thread.sleep(3000); // let the jitter buffer and the encoder's rate settle
                JsonNode latency = bench.latency(Duration.ofSeconds(seconds));
                JsonNode viewer = bench.stats().path("viewers").path(0);
                out.printf(Locale.ROOT, "glass-to-glass latency, %s, %s: p50 %.0f ms, p95 %.0f ms (%d frames)%n",
                        serve.describe(), viewer.path("codec").asText(), latency.path("p50").asDouble(),
                        latency.path("p95").asDouble(), latency.path("count").asInt());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code simcast bench network}. */
    @Command(name = "network", mixinStandardHelpOptions = true,
            description = "One viewer through a bad link (loss, delay, an outage): fps, freezes, latency, recovery.")
    static final class Network implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServeOptions serve = new ServeOptions();

        @Option(names = "--seconds", defaultValue = "20",
                description = "Measuring time per condition (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--outage", defaultValue = "10",
                description = "Outage length in seconds (default ${DEFAULT-VALUE}).")
        int outage;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (StreamingBench bench = StreamingBench.start(serve.arguments("--latency-stamp"));
                 LinkImpairment link = LinkImpairment.install()) {
                NetworkBenchmark network = new NetworkBenchmark(bench.openViewerWith(NetworkBenchmark.PEER_HOOK), link);
                out.printf("one viewer of %s through a bad link, %d s per condition%n", serve.describe(), seconds);
                out.printf("| condition | fps | freezes (gap > %d ms) | longest gap ms | latency p50 ms | p95 ms |"
                        + " packets dropped or delayed | NACKs | PLIs |%n", NetworkBenchmark.FREEZE_MILLIS);
                out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                for (NetworkBenchmark.Condition condition : NetworkBenchmark.conditions()) {
                    NetworkBenchmark.Result r = network.measure(condition, Duration.ofSeconds(3),
                            Duration.ofSeconds(seconds));
                    out.printf(Locale.ROOT, "| %s | %.1f | %d | %.0f | %.0f | %.0f | %d | %d | %d |%n", r.condition(),
                            r.fps(), r.freezes(), r.longestGapMillis(), r.p50Millis(), r.p95Millis(), r.impaired(),
                            r.nacks(), r.plis());
                    out.flush();
                }
                link.lastDelay().ifPresent(line -> out.printf(Locale.ROOT, "the delay line held %d packets and let them"
                        + " go %.1f ms late on average, %.1f ms at most (this machine's scheduling)%n", line.packets(),
                        line.meanLateMillis(), line.mostLateMillis()));
                Thread.sleep(3000);
                var recovery = network.outage(Duration.ofSeconds(outage), Duration.ofSeconds(60));
                if (recovery.isPresent()) {
                    out.printf(Locale.ROOT, "after a %.0f s outage: first new frame %.0f ms after the link came back,"
                            + " 30 frames after %.0f ms; the page sent %d key-frame requests (PLI)%n",
                            recovery.get().outageSeconds(), recovery.get().firstFrameMillis(),
                            recovery.get().thirtyFramesMillis(), recovery.get().plis());
                    out.printf("  after the link came back, first (ms): %s; ICE states (ms): %s%n",
                            recovery.get().steps(), recovery.get().states());
                } else {
                    out.printf("after a %d s outage: no video within 60 s of the link coming back%n", outage);
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code simcast bench soak}. */
    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = "A long run under churn (viewers joining and leaving, scenes replaced, RL environments"
                    + " created and closed): resident size, threads, open files and real-time factor over time.")
    static final class SoakRun implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServeOptions serve = new ServeOptions();

        @Option(names = "--minutes", defaultValue = "60",
                description = "Length of the churn (default ${DEFAULT-VALUE}).")
        double minutes;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "soak of %s: %.0f min of churn (%d viewers, one replaced every %d s; a new scene"
                    + " every %d s; an RL environment every %d s)%n", serve.describe(), minutes, Soak.VIEWERS,
                    Soak.CHURN_SECONDS, Soak.SCENE_EVERY_SECONDS, Soak.RL_EVERY_SECONDS);
            Soak.Result r;
            try (StreamingBench bench = StreamingBench.start(serve.arguments("--max-viewers",
                    Integer.toString(2 * Soak.VIEWERS)))) {
                r = new Soak(bench, out).run(Duration.ofSeconds(Math.round(minutes * 60)));
            }
            out.printf(Locale.ROOT, "viewers: %d joined, %d got video; scenes: %d replaced, %d took effect;"
                    + " RL environments: %d created and closed, %d failed%n", r.joined(), r.joinedWithVideo(),
                    r.sceneSwaps(), r.sceneSwapsSeen(), r.rlEnvironments(), r.rlFailures());
            out.printf(Locale.ROOT, "resident drift after the first %.1f min of warm-up (last quarter against first):"
                    + " %+.1f %%; real-time factor furthest from 1: %.3f; real time the physics skipped: %.2f s%n",
                    r.warmUpMinutes(), 100 * r.residentDrift(), r.worstRealTimeFactor(), r.skippedSeconds());
            out.printf(Locale.ROOT, "settled, no viewers: threads %d before, %d after; open files %d before, %d after;"
                    + " RSS %.0f MiB before, %.0f MiB after%n", r.baseline().threads(), r.after().threads(),
                    r.baseline().openFiles(), r.after().openFiles(), r.baseline().residentMiB(),
                    r.after().residentMiB());
            out.flush();
            return 0;
        }
    }

    /** {@code simcast bench viewers}. */
    @Command(name = "viewers", mixinStandardHelpOptions = true,
            description = "Adds viewers one by one until the worst-served one shows fewer than --min-fps frames per"
                    + " second over the measuring window, or the simulation leaves real time.")
    static final class Viewers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServeOptions serve = new ServeOptions();

        @Option(names = "--max", defaultValue = "16", description = "Most viewers to try (default ${DEFAULT-VALUE}).")
        int max;

        @Option(names = "--min-fps", defaultValue = "25", description = "Lowest acceptable fps (default ${DEFAULT-VALUE}).")
        double minFps;

        @Option(names = "--steer", description = "Each viewer turns its camera once, so every viewer has a render of"
                + " its own; without it, viewers who do not steer share one render.")
        boolean steer;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("viewers of %s, %s%n", serve.describe(),
                    steer ? "each steering its own camera (one render per viewer)" : "watching (one shared render)");
            out.println("| viewers | real-time factor | worst viewer fps | mean fps | host CPU % | browsers CPU % | host RSS MiB |");
            out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            int held = 0;
            try (StreamingBench bench = StreamingBench.start(serve.arguments("--max-viewers",
                    Integer.toString(max)))) {
                while (bench.viewers() < max) {
                    var page = bench.openViewer();
                    if (steer) {
                        bench.steer(page);
                    }
                    Thread.sleep(4000);
                    StreamingBench.Sample sample = bench.sample(Duration.ofSeconds(8));
                    out.printf(Locale.ROOT, "| %d | %.3f | %.1f | %.1f | %.0f | %.0f | %.0f |%n", sample.viewers(),
                            sample.realTimeFactor(), sample.worstFps(), sample.meanFps(), sample.hostCpuPercent(),
                            sample.browserCpuPercent(), sample.hostResidentMiB());
                    out.flush();
                    if (sample.worstFps() < minFps || Math.abs(sample.realTimeFactor() - 1) > 0.02) {
                        break;
                    }
                    held = sample.viewers();
                }
            }
            out.printf("held %d viewers at %.0f fps or more with the simulation at real time%n", held, minFps);
            out.flush();
            return 0;
        }
    }

    /** {@code simcast bench memory}. */
    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = "Resident size of simcast serve with 0 viewers (just started, and settled), 1 and 8 viewers.")
    static final class Memory implements Callable<Integer> {
        /**
         * Long enough for what an idle host does to give memory back: G1's periodic collection after 20 s without
         * one, and the JVM's first trim of the native heap after 60 s (scripts/env.sh).
         */
        private static final int SETTLE_SECONDS = 90;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServeOptions serve = new ServeOptions();

        @Option(names = "--replacements", defaultValue = "0", paramLabel = "N",
                description = "Instead of the viewer counts: with one viewer watching, replace the scene N times"
                        + " after a warm-up and print what it left in resident memory.")
        int replacements;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (replacements > 0) {
                return replacementChurn(out);
            }
            out.printf("resident size of simcast serve, %s%n", serve.describe());
            try (StreamingBench bench = StreamingBench.start(serve.arguments())) {
                Thread.sleep(5000);
                out.printf(Locale.ROOT, "0 viewers, 5 s after start: %.0f MiB%n", bench.serve().residentMiB());
                out.flush();
                Thread.sleep((SETTLE_SECONDS - 5) * 1000L);
                out.printf(Locale.ROOT, "0 viewers, %d s after start: %.0f MiB%n", SETTLE_SECONDS,
                        bench.serve().residentMiB());
                out.flush();
                for (int target : new int[] {1, 8}) {
                    while (bench.viewers() < target) {
                        bench.openViewer();
                    }
                    Thread.sleep(10_000);
                    out.printf(Locale.ROOT, "%d viewer%s: %.0f MiB%n", target, target == 1 ? "" : "s",
                            bench.serve().residentMiB());
                    out.flush();
                }
            }
            return 0;
        }

        private int replacementChurn(PrintWriter out) throws Exception {
            out.printf("resident size of simcast serve, %s, one viewer watching, over scene replacements (%s)%n",
                    serve.describe(), String.join(" -> ", Soak.SCENES));
            ReplacementChurn.Result r;
            try (StreamingBench bench = StreamingBench.start(serve.arguments())) {
                r = new ReplacementChurn(bench).run(replacements);
            }
            out.println("| MiB | as it is | after malloc_trim | after a full GC and malloc_trim |");
            out.println("| --- | ---: | ---: | ---: |");
            printReading(out, "after " + ReplacementChurn.WARM_UP + " replacements (warm-up)", r.warmedUp());
            printReading(out, "after " + replacements + " more", r.after());
            out.printf(Locale.ROOT, "%d of %d replacements took effect; memory in use kept per replacement: %.2f MiB"
                    + " (after a full GC: %.2f MiB)%n", r.tookEffect(), replacements, r.keptPerReplacementMiB(),
                    (r.after().collectedMiB() - r.warmedUp().collectedMiB()) / replacements);
            out.flush();
            return 0;
        }

        private static void printReading(PrintWriter out, String when, ReplacementChurn.Reading reading) {
            out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", when, reading.residentMiB(), reading.trimmedMiB(),
                    reading.collectedMiB());
        }
    }

    /** {@code simcast bench console}. */
    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "The console's live view with a browser viewer connected: frames on screen per second and"
                    + " how long the JavaFX thread was held up (needs a display: run it under xvfb-run).")
    static final class ConsoleView implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        BenchCommand bench;

        @CommandLine.Mixin
        ServeOptions serve = new ServeOptions();

        @Option(names = "--view-width", defaultValue = "640",
                description = "Live view width in the window (default ${DEFAULT-VALUE}).")
        int viewWidth;

        @Option(names = "--view-height", defaultValue = "480",
                description = "Live view height in the window (default ${DEFAULT-VALUE}).")
        int viewHeight;

        @Option(names = "--seconds", defaultValue = "20", description = "Measuring time (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--view", paramLabel = "own|host", defaultValue = "own",
                description = "What the browser watches: its own camera (a render of its own) or the console's view"
                        + " (default ${DEFAULT-VALUE}).")
        String view;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!ConsoleLauncher.displayAvailable(bench.parent.environment())) {
                spec.commandLine().getErr().println("simcast: bench console opens the console window and needs a"
                        + " display: run it under xvfb-run (see docs/PERFORMANCE.md)");
                spec.commandLine().getErr().flush();
                return 1;
            }
            StreamingBench.requireNonLoopbackInterface();
            Path data = Files.createTempDirectory("simcast-bench-console");
            StreamingConfig sharing = StreamingConfig.builder().host("127.0.0.1").port(0).width(serve.width)
                    .height(serve.height).fps(serve.fps).defaultViewMode(ViewMode.parse(view)).build();
            ConsoleBenchmark benchmark = new ConsoleBenchmark(viewWidth, viewHeight, Duration.ofSeconds(3),
                    Duration.ofSeconds(seconds));
            int code;
            try {
                code = ConsoleLauncher.run(new ConsoleOptions(data, serve.scene, sharing,
                        LlmConfiguration::forThisUser), benchmark);
            } finally {
                try (Stream<Path> files = Files.walk(data)) { // the run's preferences: nothing worth keeping
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
            ConsoleBenchmark.Result result = benchmark.result();
            if (code != 0 || result == null) {
                return code == 0 ? 1 : code;
            }
            FrameMeter.Summary shown = result.liveView();
            DurationHistogram.Spread age = shown.latency();
            DurationHistogram.Spread gap = shown.pulseGap();
            DurationHistogram.Spread work = shown.showWork();
            DurationHistogram.Spread wait = result.taskWait();
            out.printf(Locale.ROOT, "console live view %dx%d, one browser viewer (%s view) of %s, %.0f s:%n",
                    result.width(), result.height(), view, serve.describe(), shown.seconds());
            out.printf(Locale.ROOT, "  live view: %.1f fps on screen (%d frames, %d skipped); frame age on screen"
                    + " p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", shown.framesPerSecond(), shown.shown(),
                    shown.skipped(), age.p50Millis(), age.p95Millis(), age.maxMillis());
            out.printf(Locale.ROOT, "  JavaFX thread: pulse gap p50 %.1f ms, p99 %.1f ms, max %.1f ms; putting a frame"
                    + " up p99 %.2f ms, max %.2f ms; a posted task waited p99 %.1f ms, max %.1f ms%n",
                    gap.p50Millis(), gap.p99Millis(), gap.maxMillis(), work.p99Millis(), work.maxMillis(),
                    wait.p99Millis(), wait.maxMillis());
            out.printf(Locale.ROOT, "  renderer %.1f frames/s (all views), %.1f ms each; browser viewer %.1f fps;"
                    + " real-time factor %.3f; console CPU %.0f %%, browser CPU %.0f %%%n", result.rendererFps(),
                    result.renderMillis(), result.viewerFps(), result.realTimeFactor(), result.processCpuPercent(),
                    result.browserCpuPercent());
            out.printf("floor (30 fps, the JavaFX thread never held up more than 50 ms): %s%n",
                    result.meetsFloor() ? "met" : "NOT met");
            out.flush();
            return 0;
        }
    }
}
