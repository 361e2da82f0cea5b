package io.simcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.LinkImpairment;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one viewer sees through a bad link ({@link LinkImpairment}): frames shown per second, freezes, glass-to-glass
 * latency under loss and delay, and how long the picture takes to move again after an outage. The host runs with
 * {@code --latency-stamp}; freezes are counted in the page from the frames it presents (a gap over
 * {@value #FREEZE_MILLIS} ms between two presented frames, about six frames missed at 30 fps). Benchmark thread only.
 */
final class NetworkBenchmark {
    static final int FREEZE_MILLIS = 200;
    /** A little more than the page's statistics period (client/app.js). */
    private static final long STATS_PERIOD_MILLIS = 1500;
    /** Counts the gaps between presented frames, in the page; {@code simcastGaps.reset()} starts a new window. */
    private static final String GAP_METER = """
            (() => {
              if (window.simcastGaps) return true;
              const video = document.getElementById('video');
              const m = { last: 0, freezes: 0, longest: 0, frozen: 0 };
              m.reset = () => { m.freezes = 0; m.longest = 0; m.frozen = 0; };
              const tick = (now) => {
                if (m.last) {
                  const gap = now - m.last;
                  if (gap > %d) { m.freezes++; m.frozen += gap; }
                  m.longest = Math.max(m.longest, gap);
                }
                m.last = now;
                video.requestVideoFrameCallback(tick);
              };
              video.requestVideoFrameCallback(tick);
              window.simcastGaps = m;
              return true;
            })()""".formatted(FREEZE_MILLIS);
    private static final String GAPS = "({ freezes: simcastGaps.freezes, longest: simcastGaps.longest,"
            + " frozen: simcastGaps.frozen })";

    /** A link condition to measure; {@code apply} makes it, {@link LinkImpairment#clear} ends it. */
    record Condition(String name, Impairment apply) {}

    @FunctionalInterface
    interface Impairment {
        void on(LinkImpairment link) throws IOException, InterruptedException;
    }

    /**
     * One condition's figures; latency figures are NaN when the page read no stamp. {@code nacks} and {@code plis}
     * are the retransmission and key-frame requests the page sent over the window.
     */
    record Result(String condition, double fps, int freezes, double longestGapMillis, double p50Millis,
                  double p95Millis, long dropped, long nacks, long plis) {}

    /**
     * The outage's figures: milliseconds from the link's return to the first new frame and to the 30th, and the
     * key-frame requests (PLI) the page sent from the outage's start until then.
     */
    record Recovery(double outageSeconds, double firstFrameMillis, double thirtyFramesMillis, long plis) {}

    private final HeadlessChromium.Page page;
    private final LinkImpairment link;

    NetworkBenchmark(HeadlessChromium.Page page, LinkImpairment link) {
        this.page = page;
        this.link = link;
        page.evaluate(GAP_METER);
    }

    /** The standard conditions of issue 18.8; delay only where the kernel has netem. */
    static List<Condition> conditions(boolean delay) {
        List<Condition> conditions = new ArrayList<>(List.of(
                new Condition("clean link", LinkImpairment::clear),
                new Condition("2 % loss", link -> link.loss(2)),
                new Condition("5 % loss", link -> link.loss(5))));
        if (delay) {
            conditions.add(new Condition("100 ms delay, 20 ms jitter", link -> link.delay(100, 20)));
        }
        return conditions;
    }

    /** Applies {@code condition}, lets it settle, then measures {@code window}, and clears the link again. */
    Result measure(Condition condition, Duration settle, Duration window) throws IOException, InterruptedException {
        condition.apply().on(link);
        try {
            Thread.sleep(settle.toMillis());
            page.evaluate("simcastGaps.reset(), simcast.latency.reset()");
            JsonNode requested = page.evaluate("simcast.stats");
            long before = StreamingBench.framesShown(page);
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            long frames = StreamingBench.framesShown(page) - before;
            double seconds = (System.nanoTime() - start) * 1e-9;
            JsonNode gaps = page.evaluate(GAPS);
            JsonNode latency = page.evaluate("simcast.latency.summary()");
            JsonNode stats = page.evaluate("simcast.stats");
            return new Result(condition.name(), frames / seconds, gaps.path("freezes").asInt(),
                    gaps.path("longest").asDouble(), latency.path("p50").asDouble(Double.NaN),
                    latency.path("p95").asDouble(Double.NaN), link.dropped(),
                    stats.path("nackCount").asLong() - requested.path("nackCount").asLong(),
                    stats.path("pliCount").asLong() - requested.path("pliCount").asLong());
        } finally {
            link.clear();
        }
    }

    /**
     * Cuts the media path for {@code outage}, restores it, and times the picture's return (polled every 10 ms),
     * giving up after {@code limit}.
     */
    Optional<Recovery> outage(Duration outage, Duration limit) throws IOException, InterruptedException {
        long plis = page.evaluate("simcast.stats.pliCount").asLong();
        link.outage();
        Thread.sleep(outage.toMillis());
        long stalled = StreamingBench.framesShown(page);
        link.clear();
        long back = System.nanoTime();
        long deadline = back + limit.toNanos();
        double first = -1;
        while (System.nanoTime() < deadline) {
            long shown = StreamingBench.framesShown(page) - stalled;
            double since = (System.nanoTime() - back) * 1e-6;
            if (shown > 0 && first < 0) {
                first = since;
            }
            if (shown >= 30) {
                Thread.sleep(STATS_PERIOD_MILLIS); // the page's statistics catch up
                return Optional.of(new Recovery(outage.toMillis() / 1000.0, first, since,
                        page.evaluate("simcast.stats.pliCount").asLong() - plis));
            }
            Thread.sleep(10);
        }
        return Optional.empty();
    }
}
