package io.simcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.LinkImpairment;
import java.io.IOException;
import java.time.Duration;
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
    /** Keeps the page's peer connections where {@link #RECOVERY_PROBE} finds them; runs before the page's scripts. */
    static final String PEER_HOOK = """
            (() => {
              const Native = window.RTCPeerConnection;
              const peers = window.simcastPeers = [];
              window.RTCPeerConnection = class extends Native {
                constructor(...args) { super(...args); peers.push(this); }
              };
            })()""";
    /**
     * Times the steps of the picture's return after an outage, in the page, from its newest peer connection's
     * statistics read one after another (10 ms apart): {@code arm()} when the link goes down, {@code back()} at once
     * after it returns, {@code report()} gives milliseconds from {@code back()} to the reading that first saw each
     * counter above its last reading during the outage (absent: never), and the ICE states the connection went through
     * (negative times: during the outage). A busy page reads late, so the times are upper bounds.
     */
    private static final String RECOVERY_PROBE = """
            (() => {
              const pc = simcastPeers[simcastPeers.length - 1];
              const video = document.getElementById('video');
              const counters = async () => {
                const c = {};
                const stats = await pc.getStats();
                let pairId;
                stats.forEach((s) => {
                  if (s.type === 'inbound-rtp' && s.kind === 'video') {
                    c.mediaPackets = s.packetsReceived; c.pliSent = s.pliCount + (s.firCount || 0);
                    c.nackSent = s.nackCount; c.keyFrameDecoded = s.keyFramesDecoded; c.frameDecoded = s.framesDecoded;
                  }
                  if (s.type === 'transport') pairId = s.selectedCandidatePairId;
                });
                const pair = pairId && stats.get(pairId);
                if (pair) { c.hostCheckArrived = pair.requestsReceived; c.pageCheckAnswered = pair.responsesReceived; }
                return c;
              };
              const r = { states: [], first: {}, t0: 0, returned: false };
              r.onState = () => r.states.push({ state: pc.iceConnectionState, ms: performance.now() - r.t0 });
              r.arm = async () => {
                r.t0 = performance.now();
                r.base = await counters();
                pc.addEventListener('iceconnectionstatechange', r.onState);
                r.polling = true;
                const poll = async () => {
                  const c = await counters(), seen = performance.now() - r.t0;
                  if (!r.returned) r.base = c;
                  else for (const k in c) if (c[k] > r.base[k] && !(k in r.first)) r.first[k] = seen;
                  if (r.polling) setTimeout(poll, 10);
                };
                poll();
                return true;
              };
              r.back = () => {
                const shift = performance.now() - r.t0;
                r.t0 += shift;
                r.states.forEach((s) => s.ms -= shift);
                r.returned = true;
                video.requestVideoFrameCallback(() => { r.first.frameShown = performance.now() - r.t0; });
                return true;
              };
              r.report = () => {
                r.polling = false;
                pc.removeEventListener('iceconnectionstatechange', r.onState);
                return { first: r.first, states: r.states };
              };
              window.simcastRecovery = r;
              return true;
            })()""";
    private static final String GAPS = "({ freezes: simcastGaps.freezes, longest: simcastGaps.longest,"
            + " frozen: simcastGaps.frozen })";

    /** A link condition to measure; {@code apply} makes it, {@link LinkImpairment#clear} ends it. */
    record Condition(String name, Impairment apply) {}

    @FunctionalInterface
    interface Impairment {
        void on(LinkImpairment link) throws IOException, InterruptedException;
    }

    /**
     * One condition's figures; latency figures are NaN when the page read no stamp. {@code impaired} counts the media
     * packets the link dropped or delayed; {@code nacks} and {@code plis} are the retransmission and key-frame
     * requests the page sent over the window.
     */
    record Result(String condition, double fps, int freezes, double longestGapMillis, double p50Millis,
                  double p95Millis, long impaired, long nacks, long plis) {}

    /**
     * The outage's figures: milliseconds from the link's return to the first new frame and to the 30th, the
     * key-frame requests (PLI) the page sent from the outage's start until then, and what the return was made of
     * ({@code steps}: the page's first sight of each step, {@code states}: its ICE states, from {@link #RECOVERY_PROBE}).
     */
    record Recovery(double outageSeconds, double firstFrameMillis, double thirtyFramesMillis, long plis,
                    JsonNode steps, JsonNode states) {}

    private final HeadlessChromium.Page page;
    private final LinkImpairment link;

    NetworkBenchmark(HeadlessChromium.Page page, LinkImpairment link) {
        this.page = page;
        this.link = link;
        page.evaluate(GAP_METER);
    }

    /** The standard conditions of issue 18.8. */
    static List<Condition> conditions() {
        return List.of(
                new Condition("clean link", LinkImpairment::clear),
                new Condition("2 % loss", link -> link.loss(2)),
                new Condition("5 % loss", link -> link.loss(5)),
                new Condition("100 ms delay, 20 ms jitter", link -> link.delay(100, 20)));
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
                    latency.path("p95").asDouble(Double.NaN), link.dropped() + link.delayed(),
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
        page.evaluate(RECOVERY_PROBE);
        link.outage();
        page.evaluate("simcastRecovery.arm()");
        Thread.sleep(outage.toMillis());
        long stalled = StreamingBench.framesShown(page);
        link.clear();
        long back = System.nanoTime();
        page.evaluate("simcastRecovery.back()");
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
                JsonNode report = page.evaluate("simcastRecovery.report()");
                return Optional.of(new Recovery(outage.toMillis() / 1000.0, first, since,
                        page.evaluate("simcast.stats.pliCount").asLong() - plis, report.path("first"),
                        report.path("states")));
            }
            Thread.sleep(10);
        }
        return Optional.empty();
    }
}
