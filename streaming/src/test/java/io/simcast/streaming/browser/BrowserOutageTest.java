package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.Role;
import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import io.simcast.testkit.LinkImpairment;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An outage of the media path between the host and a watching page (every packet to the namespace's veth address
 * dropped, both ways; the page's signalling socket stays up, as a real page's would) ends with video arriving again
 * on the same viewer. A ten-second one recovers through the same ICE session (the page asked for a key frame when its
 * frames stopped, so the answer negotiated PLI); one longer than libwebrtc's give-up (about 15 s) through an ICE
 * restart on the same connection. The first watches on the operator's page, the second on a viewer link's (every role's
 * page restarts the same way). Asserts only eventual recovery: how fast it recovers is
 * {@code simcast bench network}'s job.
 */
@Tag("e2e")
class BrowserOutageTest {
    /** Deadlines that only guard against hangs: a loaded machine is slow, never wrong. */
    private static final Duration CONNECT = Duration.ofSeconds(60);
    private static final long RECOVER_MILLIS = 60_000;
    private static final String FRAMES = "document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames";

    @Test
    void videoComesBackOnTheSameViewerAfterATenSecondOutage() throws Exception {
        Recovery recovery = watchThroughAnOutage(TestHost::operatorPage, 10_000);

        assertThat(recovery.viewerAfter()).as("the same viewer rode the outage out").isEqualTo(recovery.viewer());
        assertThat(recovery.stateAfter()).isEqualTo("connected");
    }

    @Test
    void aPathLibwebrtcGaveUpComesBackThroughAnIceRestartOnTheSameViewer() throws Exception {
        Recovery recovery = watchThroughAnOutage(BrowserOutageTest::viewerLinkPage, 20_000);

        assertThat(recovery.iceRestarts()).as("ICE restarts the page sent").isPositive();
        assertThat(recovery.viewerAfter()).as("the same viewer, not a new admission").isEqualTo(recovery.viewer());
        assertThat(recovery.stateAfter()).isEqualTo("connected");
    }

    /** What the page said before an outage and once 30 new frames had shown after it. */
    private record Recovery(String viewer, String viewerAfter, String stateAfter, long iceRestarts) {}

    /**
     * The page at {@code address} plays video through an outage of {@code millis}. The page asked for a key frame
     * when its frames stopped, so the host's answer negotiated PLI (checked here for every outage).
     */
    private static Recovery watchThroughAnOutage(Function<TestHost, URI> address, long millis) throws Exception {
        try (TestHost host = TestHost.start("pendulum");
             HeadlessChromium browser = HeadlessChromium.launch();
             LinkImpairment link = LinkImpairment.install()) {
            Page page = browser.open(address.apply(host).toString());
            page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats && " + FRAMES + " > 10",
                    CONNECT);
            String viewer = page.evaluate("simcast.viewerId").asText();
            long keyFramesAsked = page.evaluate("simcast.stats.pliCount").asLong();

            outage(page, link, millis);

            Recovery recovery = new Recovery(viewer, page.evaluate("simcast.viewerId").asText(),
                    page.evaluate("simcast.state").asText(), page.evaluate("simcast.iceRestarts").asLong());
            waitFor(() -> page.evaluate("simcast.stats.pliCount").asLong() > keyFramesAsked, RECOVER_MILLIS);
            return recovery;
        }
    }

    /**
     * Takes the media path down for {@code millis}, checks that no frame arrives meanwhile, and returns once 30 new
     * frames have shown after it came back. The link comes back on a timer of its own, so the outage lasts what was
     * asked however slowly the page answers the test on a loaded machine.
     */
    private static void outage(Page page, LinkImpairment link, long millis) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            link.outage();
            ScheduledFuture<?> restored = timer.schedule(() -> {
                link.clear();
                return null;
            }, millis, TimeUnit.MILLISECONDS);
            Thread.sleep(4000);
            // the page counts its own second, starting four seconds into the outage: late answers do not move it
            assertThat(page.evaluate("new Promise(done => { const before = " + FRAMES + ";"
                    + " setTimeout(() => done(" + FRAMES + " - before), 1000); })").asLong())
                    .as("no frames while the link is down").isZero();
            assertThat(link.dropped()).as("media packets dropped by the outage").isPositive();
            restored.get();
        } finally {
            timer.shutdownNow();
        }
        long restoredAt = frames(page);
        waitFor(() -> frames(page) > restoredAt + 30, RECOVER_MILLIS);
    }

    /** A new viewer link's page: the role that watches only. */
    private static URI viewerLinkPage(TestHost host) {
        return host.host.links().create(Role.VIEWER, null, 0).address(host.host.address());
    }

    private static long frames(Page page) {
        return page.evaluate(FRAMES).asLong();
    }
}
