package io.simcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.ProcessCpu;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A long run of {@code simcast serve} under churn, watched from outside through /proc and the host's statistics:
 * viewers join and leave every few seconds ({@value #VIEWERS} at a time: the oldest tab closes, a new one opens and
 * must get video), the scene is replaced every minute (and must become the current scene), and an RL environment is
 * created, stepped over REST and closed every {@value #RL_EVERY_SECONDS} s. Before the churn the host goes once
 * through all of it (warm-up: classes loaded, pools and caches filled) and settles with no viewer: that is the
 * baseline of threads and open files, which the host must return to once the churn is over. Resident size and the
 * real-time factor are sampled every {@value #SAMPLE_SECONDS} s. Benchmark thread only.
 */
final class Soak {
    static final int VIEWERS = 8;
    static final int CHURN_SECONDS = 3;
    static final int SCENE_EVERY_SECONDS = 60;
    static final int RL_EVERY_SECONDS = 20;
    static final int SAMPLE_SECONDS = 10;
    /**
     * The churn's first minutes, left out of the drift: the heap sizes itself to the churn (the 15-minute run grew
     * for nine minutes, then stayed flat). A third of the churn when that is shorter.
     */
    static final double WARM_UP_MINUTES = 10;
    private static final Duration SETTLE = Duration.ofSeconds(15);
    /** How long a new tab may take to play before it counts as late (it is then still watched, see #leave). */
    private static final Duration CONNECT = Duration.ofSeconds(30);
    /** How long a late tab is given to play before it leaves: eventual arrival on a saturated box, not a race. */
    private static final Duration LATE = Duration.ofMinutes(3);
    /** Presets the scene alternates between: small, so rendering them leaves the cores to the viewers. */
    static final List<String> SCENES = List.of("pendulum", "cartpole", "double-pendulum");

    /**
     * The host at one moment: resident size, OS threads, open file descriptors, physics pace (the last half second's
     * real-time factor, and the real time the physics skipped so far, which covers every moment between samples),
     * viewers.
     */
    record Sample(double minutes, double residentMiB, long threads, long openFiles, double realTimeFactor,
                  double skippedSeconds, int viewers) {}

    /**
     * What the run saw.
     *
     * @param baseline the settled host after warm-up, no viewer
     * @param churn samples taken during the churn
     * @param after the settled host after the churn, no viewer
     */
    record Result(Sample baseline, List<Sample> churn, Sample after, int joined, int joinedWithVideo,
                  int sceneSwaps, int sceneSwapsSeen, int rlEnvironments, int rlFailures) {
        /** Minutes of churn left out of {@link #residentDrift} as warm-up. */
        double warmUpMinutes() {
            double length = churn.isEmpty() ? 0 : churn.getLast().minutes() - churn.getFirst().minutes();
            return Math.min(WARM_UP_MINUTES, length / 3);
        }

        /**
         * Resident size after warm-up: the mean of the last quarter of the samples after {@link #warmUpMinutes}
         * against the mean of their first quarter, as a fraction.
         */
        double residentDrift() {
            if (churn.isEmpty()) {
                return 0;
            }
            double warmedUp = churn.getFirst().minutes() + warmUpMinutes();
            List<Sample> settled = churn.stream().filter(s -> s.minutes() >= warmedUp).toList();
            int quarter = Math.max(1, settled.size() / 4);
            double first = settled.subList(0, quarter).stream().mapToDouble(Sample::residentMiB).average()
                    .orElse(0);
            double last = settled.subList(settled.size() - quarter, settled.size()).stream()
                    .mapToDouble(Sample::residentMiB).average().orElse(0);
            return first == 0 ? 0 : (last - first) / first;
        }

        /** Real time the physics skipped during the churn (it fell more than 0.1 s behind), in seconds. */
        double skippedSeconds() {
            return after.skippedSeconds() - baseline.skippedSeconds();
        }

        double worstRealTimeFactor() {
            return churn.stream().mapToDouble(Sample::realTimeFactor)
                    .reduce(1, (a, b) -> Math.abs(b - 1) > Math.abs(a - 1) ? b : a);
        }
    }

    private final StreamingBench bench;
    private final PrintWriter out;
    private final Deque<HeadlessChromium.Page> open = new ArrayDeque<>();
    /** Open tabs that have not played yet (they missed {@link #CONNECT}). */
    private final Set<HeadlessChromium.Page> late = new HashSet<>();
    private long start;
    private int joined;
    private int joinedWithVideo;
    private int sceneSwaps;
    private int sceneSwapsSeen;
    private int rlEnvironments;
    private int rlFailures;

    Soak(StreamingBench bench, PrintWriter out) {
        this.bench = bench;
        this.out = out;
    }

    /** Warm-up, baseline, {@code length} of churn, then the settled host again. Prints a row per sample. */
    Result run(Duration length) throws IOException, InterruptedException {
        start = System.nanoTime();
        try (RlRestBenchmark rl = new RlRestBenchmark(bench.serve().address(), bench.serve().operatorToken())) {
            while (open.size() < VIEWERS) {
                join();
            }
            swapScene();
            createRl(rl);
            leaveAll();
            Sample baseline = sample();
            Map<String, Integer> filesBefore = ProcessCpu.openFileKinds(bench.serve().pid());
            out.println("| minute | RSS MiB | threads | fds | real-time factor | skipped s | viewers |");
            out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            print(baseline);
            List<Sample> churn = new ArrayList<>();
            long churnStart = System.nanoTime();
            long end = churnStart + length.toNanos();
            long nextScene = churnStart + Duration.ofSeconds(SCENE_EVERY_SECONDS).toNanos();
            long nextRl = churnStart + Duration.ofSeconds(RL_EVERY_SECONDS).toNanos();
            long nextSample = churnStart + Duration.ofSeconds(SAMPLE_SECONDS).toNanos();
            while (System.nanoTime() < end) {
                long round = System.nanoTime();
                if (open.size() >= VIEWERS) {
                    leave(open.removeFirst());
                }
                join();
                if (System.nanoTime() >= nextScene) {
                    swapScene();
                    nextScene += Duration.ofSeconds(SCENE_EVERY_SECONDS).toNanos();
                }
                if (System.nanoTime() >= nextRl) {
                    createRl(rl);
                    nextRl += Duration.ofSeconds(RL_EVERY_SECONDS).toNanos();
                }
                if (System.nanoTime() >= nextSample) {
                    Sample sample = sample();
                    churn.add(sample);
                    print(sample);
                    nextSample += Duration.ofSeconds(SAMPLE_SECONDS).toNanos();
                }
                Thread.sleep(Math.max(0, CHURN_SECONDS * 1000L - (System.nanoTime() - round) / 1_000_000));
            }
            leaveAll();
            Sample after = sample();
            print(after);
            out.println("open files by kind, settled before the churn: " + filesBefore + "; after: "
                    + ProcessCpu.openFileKinds(bench.serve().pid()));
            return new Result(baseline, churn, after, joined, joinedWithVideo, sceneSwaps, sceneSwapsSeen,
                    rlEnvironments, rlFailures);
        }
    }

    /** A new tab; counts it as having video once it plays (a tab that misses {@link #CONNECT} is late). */
    private void join() throws IOException, InterruptedException {
        joined++;
        HeadlessChromium.Page page = bench.openViewerTab();
        open.addLast(page);
        if (StreamingBench.awaitPlaying(page, CONNECT)) {
            joinedWithVideo++;
        } else {
            late.add(page);
            out.println("a viewer has no video after " + CONNECT.toSeconds() + " s; it is given until it leaves");
        }
    }

    /** Closes a tab as a person would; a late one is given up to {@link #LATE} to play first. */
    private void leave(HeadlessChromium.Page page) throws InterruptedException {
        if (late.remove(page)) {
            if (StreamingBench.awaitPlaying(page, LATE)) {
                joinedWithVideo++;
                out.println("the late viewer got video");
            } else {
                out.println("a viewer got no video within " + LATE.toMinutes() + " min");
            }
        }
        bench.closeViewer(page);
    }

    /** Replaces the scene with the next preset and waits until the host says it is the current one. */
    private void swapScene() throws IOException, InterruptedException {
        String next = SCENES.get(sceneSwaps % SCENES.size());
        sceneSwaps++;
        if (bench.replaceScene(next, Duration.ofSeconds(30))) {
            sceneSwapsSeen++;
        } else {
            out.println("the scene did not become " + next + " within 30 s");
        }
    }

    /** An RL environment of two copies, created, stepped over REST for a second and closed. */
    private void createRl(RlRestBenchmark rl) throws InterruptedException {
        rlEnvironments++;
        try {
            rl.run("cartpole", "balance", 2, Duration.ofSeconds(1));
        } catch (IOException | RuntimeException e) {
            rlFailures++;
            out.println("an RL environment failed: " + e.getMessage());
        }
    }

    /** Closes every tab, waits until the host has no viewer left, and lets it settle. */
    private void leaveAll() throws IOException, InterruptedException {
        while (!open.isEmpty()) {
            leave(open.removeFirst());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (bench.stats().path("viewers").size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(SETTLE.toMillis());
    }

    private Sample sample() throws IOException, InterruptedException {
        long pid = bench.serve().pid();
        JsonNode simulation = bench.stats().path("simulation");
        return new Sample((System.nanoTime() - start) / 60e9, ProcessCpu.residentKiB(pid) / 1024.0,
                ProcessCpu.threads(pid), ProcessCpu.openFiles(pid), simulation.path("realTimeFactor").asDouble(),
                simulation.path("skippedSeconds").asDouble(), bench.viewers());
    }

    private void print(Sample s) {
        out.printf(Locale.ROOT, "| %.1f | %.0f | %d | %d | %.3f | %.2f | %d |%n", s.minutes(), s.residentMiB(),
                s.threads(), s.openFiles(), s.realTimeFactor(), s.skippedSeconds(), s.viewers());
        out.flush();
    }
}
