package io.simcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.JanusSfu;
import io.simcast.testkit.ProcessCpu;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast bench sfu}: encode once and fan out through an SFU, against every viewer connected to the host, in
 * one run on one host: {@code simcast serve --broadcast} publishing to a real Janus behind simple-whip-server (both
 * started here, as in BroadcastSfuTest), headless Chromium tabs either connected to the host or following the host
 * view from Janus. Measures the host's CPU with 1, 8 and 16 watchers each way, glass-to-glass latency each way, and
 * how long a person joining waits for a first picture. Needs root inside scripts/netns.sh (WebRTC and Janus need an
 * interface that is not loopback) and Janus and simple-whip-server (scripts/setup.sh --test).
 */
@Command(name = "sfu", mixinStandardHelpOptions = true,
        description = "Host CPU, glass-to-glass latency and join-to-first-frame: viewers through an SFU (Janus) against"
                + " viewers connected to the host, side by side.")
final class SfuBenchCommand implements Callable<Integer> {
    private static final Duration SETTLE = Duration.ofSeconds(4);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StreamingBenchCommands.ServeOptions serve = new StreamingBenchCommands.ServeOptions();

    @Option(names = "--viewers", split = ",", defaultValue = "1,8,16",
            description = "Watcher counts to measure (default ${DEFAULT-VALUE}).")
    List<Integer> counts;

    @Option(names = "--seconds", defaultValue = "8", description = "Measuring time per point (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--joins", defaultValue = "5", description = "Joins timed each way (default ${DEFAULT-VALUE}).")
    int joins;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String veth = StreamingBench.requireNonLoopbackInterface(); // Janus offers its candidates there only
        Path folder = Files.createTempDirectory("simcast-bench-sfu");
        int most = Collections.max(counts);
        try (JanusSfu sfu = JanusSfu.start(folder, veth);
             StreamingBench bench = StreamingBench.start(serve.arguments("--latency-stamp", "--max-viewers",
                     Integer.toString(most + 4), "--broadcast", sfu.whipUrl().toString(), "--broadcast-janus",
                     sfu.janusUrl().toString(), "--broadcast-room", Long.toString(JanusSfu.ROOM)))) {
            awaitLive(bench);
            out.printf("watchers of %s: connected to the host (one WebRTC encoder each) against following the"
                    + " host's broadcast through Janus (one encoder on the host); the host broadcasts in both%n",
                    serve.describe());
            out.println("| watchers | direct: host CPU % | direct: worst fps | SFU: host CPU % | SFU: Janus CPU % |"
                    + " SFU: worst fps |");
            out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
            for (int count : counts) {
                Point direct = measure(bench, sfu, count, false);
                Point through = measure(bench, sfu, count, true);
                out.printf(Locale.ROOT, "| %d | %.0f | %.1f | %.0f | %.1f | %.1f |%n", count, direct.hostCpu(),
                        direct.worstFps(), through.hostCpu(), through.sfuCpu(), through.worstFps());
                out.flush();
            }
            for (boolean follower : new boolean[] {false, true}) {
                HeadlessChromium.Page page = follower ? bench.openFollower() : bench.openViewer();
                Thread.sleep(SETTLE.toMillis());
                JsonNode latency = StreamingBench.latency(page, Duration.ofSeconds(seconds));
                out.printf(Locale.ROOT, "glass-to-glass latency, %s: p50 %.0f ms, p95 %.0f ms (%d frames)%n",
                        follower ? "through Janus" : "direct", latency.path("p50").asDouble(),
                        latency.path("p95").asDouble(), latency.path("count").asInt());
                out.flush();
                bench.closeViewers();
            }
            for (boolean follower : new boolean[] {false, true}) {
                List<StreamingBench.Join> timed = new ArrayList<>();
                for (int i = 0; i < joins; i++) {
                    Thread.sleep(1500); // a join at a random point of the key-frame interval
                    timed.add(bench.join(follower));
                }
                out.printf(Locale.ROOT, "join to first frame, %s (%d joins): page open -> frame median %.0f ms, max"
                        + " %.0f; video connection -> frame median %.0f ms, max %.0f%n",
                        follower ? "through Janus" : "direct", joins,
                        median(timed.stream().map(StreamingBench.Join::openToFrameMillis).toList()),
                        Collections.max(timed.stream().map(StreamingBench.Join::openToFrameMillis).toList()),
                        median(timed.stream().map(StreamingBench.Join::connectionToFrameMillis).toList()),
                        Collections.max(timed.stream().map(StreamingBench.Join::connectionToFrameMillis).toList()));
                out.flush();
            }
            JsonNode broadcast = bench.stats().path("broadcast");
            out.printf(Locale.ROOT, "broadcast: %s, %.1f ms per picture, %d pictures, %d key frames, %d key frame"
                    + " requests from Janus%n", broadcast.path("encoder").asText(),
                    broadcast.path("msPerFrame").asDouble(), broadcast.path("sent").asLong(),
                    broadcast.path("keyframes").asLong(), broadcast.path("keyframeRequests").asLong());
        }
        out.flush();
        return 0;
    }

    /** One point of the table: the host's and Janus's CPU and the worst-served watcher. */
    private record Point(double hostCpu, double sfuCpu, double worstFps) {}

    private Point measure(StreamingBench bench, JanusSfu sfu, int count, boolean follower) throws Exception {
        while (bench.viewers() < count) {
            if (follower) {
                bench.openFollower();
            } else {
                bench.openViewer();
            }
        }
        Thread.sleep(SETTLE.toMillis());
        double janusBefore = ProcessCpu.cpuSeconds(sfu.janusPid());
        long start = System.nanoTime();
        StreamingBench.Sample sample = bench.sample(Duration.ofSeconds(seconds));
        double janus = 100 * (ProcessCpu.cpuSeconds(sfu.janusPid()) - janusBefore)
                / ((System.nanoTime() - start) * 1e-9);
        bench.closeViewers();
        Thread.sleep(2000); // the viewers leave the host (or Janus) before the next point
        return new Point(sample.hostCpuPercent(), janus, sample.worstFps());
    }

    private static void awaitLive(StreamingBench bench) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"LIVE".equals(bench.stats().path("broadcast").path("state").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broadcast did not reach Janus: " + bench.stats()
                        .path("broadcast"));
            }
            Thread.sleep(200);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
