package io.simcast.streaming.viewer;

import io.simcast.sim.rl.RlLimits;
import io.simcast.streaming.rl.RendererBudget;
import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.rl.RlEnvironments;
import io.simcast.streaming.IceServers;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.WhepClient;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.LinkStore;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.rl.CopyViews;
import io.simcast.streaming.watch.WatchSources;
import io.simcast.streaming.rl.RlSessions;
import io.simcast.streaming.webrtc.PeerSessions;
import io.simcast.streaming.webrtc.WebRtcEngine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One viewer's connection stuck in its set-up while another viewer connects and gets video: real WebRTC (the host's
 * engine and a webrtc-java WHEP player) and the real renderer, in the test's network namespace. The stuck peer is made
 * by wrapping the engine, so that opening the first viewer's connection waits until the test lets it go.
 */
@Tag("e2e")
class SlowPeerTest {
    private static final VideoFormat FORMAT = VideoFormat.DEFAULT;

    private final CountDownLatch stuck = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Simulation simulation;
    private Renderer renderer;
    private WebRtcEngine engine;
    private FeedPool feeds;
    private RlSessions rl;
    private CopyViews copies;
    private Viewers viewers;

    @BeforeEach
    void start() throws Exception {
        simulation = TestHost.simulation("pendulum");
        renderer = Renderer.start(simulation);
        engine = WebRtcEngine.start(IceServers.NONE, null);
        feeds = new FeedPool(engine, renderer, FORMAT, false, () -> null);
        rl = new RlSessions(new RlEnvironments(), Duration.ofMinutes(5));
        copies = new CopyViews(rl, new RendererBudget(RlLimits.DEFAULT.maxRenderedCopies()), FORMAT);
        AtomicBoolean first = new AtomicBoolean(true);
        PeerSessions firstOneHangs = listener -> {
            if (first.getAndSet(false)) {
                stuck.countDown();
                awaitRelease();
            }
            return engine.open(listener);
        };
        viewers = new Viewers(new ViewerRegistry(4), new Gatekeeper(new ShareLinks(java.util.Optional.empty(), 4, LinkStore.NONE)),
                new Video.Available(firstOneHangs, feeds, copies, new WatchSources(FORMAT)), simulation, FORMAT);
    }

    @AfterEach
    void stop() {
        release.countDown();
        viewers.close();
        feeds.close();
        copies.close();
        rl.close();
        engine.close();
        renderer.close();
        simulation.close();
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aViewerWhoseConnectionHangsInItsSetUpDelaysNoOtherViewer() throws Exception {
        try (WhepClient slowPlayer = new WhepClient(); WhepClient player = new WhepClient()) {
            Viewer slow = viewers.admit(Door.WHEP, ViewMode.OWN, ViewerChannel.NONE, Grant.OPERATOR, "127.0.0.1");
            CompletableFuture<String> slowAnswer = viewers.connect(slow, slowPlayer.offer(), true);
            assertThat(stuck.await(30, TimeUnit.SECONDS)).as("the first viewer's set-up started").isTrue();

            Viewer viewer = viewers.admit(Door.WHEP, ViewMode.OWN, ViewerChannel.NONE, Grant.OPERATOR, "127.0.0.1");
            player.answer(viewers.connect(viewer, player.offer(), true).get(60, TimeUnit.SECONDS));
            player.awaitFrames(10, 60_000);

            assertThat(slowAnswer).as("the stuck viewer is still being set up").isNotDone();
            waitFor(() -> viewers.stats().stream().anyMatch(stats -> stats.state().equals("connected")), 10_000);

            release.countDown();
            slowPlayer.answer(slowAnswer.get(60, TimeUnit.SECONDS));
            slowPlayer.awaitFrames(10, 60_000);
            assertThat(player.frameSize.get()).isEqualTo("640x480");
        }
    }

    @Test
    void aViewerThatLeavesDuringItsSetUpKeepsWebRtcOpenUntilItsConnectionIsTornDown() throws Exception {
        try (WhepClient slowPlayer = new WhepClient()) {
            Viewer slow = viewers.admit(Door.WHEP, ViewMode.OWN, ViewerChannel.NONE, Grant.OPERATOR, "127.0.0.1");
            CompletableFuture<String> slowAnswer = viewers.connect(slow, slowPlayer.offer(), true);
            assertThat(stuck.await(30, TimeUnit.SECONDS)).as("the viewer's set-up started").isTrue();

            CompletableFuture<Void> left = viewers.close(slow, null);

            assertThat(viewers.count()).isZero();
            assertThat(left).as("torn down behind its set-up").isNotDone();
            assertThat(viewers.connectionsClosed()).as("the factory must not be freed yet").isFalse();

            release.countDown();
            left.get(60, TimeUnit.SECONDS);
            assertThat(viewers.connectionsClosed()).isTrue();
            assertThat(slowAnswer).isCompletedExceptionally();
        }
    }
}
