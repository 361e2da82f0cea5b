package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static io.simcast.streaming.browser.PagePictures.difference;
import static io.simcast.streaming.browser.PagePictures.picture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.simcast.encode.EncoderChoice;
import io.simcast.encode.broadcast.Broadcast;
import io.simcast.encode.broadcast.BroadcastTarget;
import io.simcast.streaming.Outputs;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import io.simcast.testkit.JanusSfu;
import io.simcast.streaming.http.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Encode once, watch through an SFU: a real host publishes its shared view over WHIP to Debian's Janus behind
 * simple-whip-server, all inside the test's network namespace, and headless Chromium pages that follow the host
 * view play it from Janus. One host, one SFU and one browser for the class; the tests run in order (the last one
 * kills and restarts the SFU: Janus and simple-whip-server).
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BroadcastSfuTest {
    private static final Duration PLAYING = Duration.ofSeconds(30);
    @TempDir
    static Path folder;
    private static JanusSfu sfu;
    private static TestHost host;
    private static HeadlessChromium browser;
    private static final List<Page> pages = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sfu = JanusSfu.start(folder, "simcast0");
        Outputs outputs = new Outputs(EncoderChoice.AUTO,
                Optional.of(new BroadcastTarget(sfu.whipUrl(), Optional.empty())),
                Optional.of(new Outputs.SfuPlayback(sfu.janusUrl(), JanusSfu.ROOM)), folder.resolve("recordings"));
        host = TestHost.start("pendulum", StreamingConfig.builder().outputs(outputs));
        browser = HeadlessChromium.launch();
        waitFor(() -> "LIVE".equals(broadcast().path("state").asText()), 30_000);
    }

    @AfterAll
    static void stop() {
        pages.forEach(Page::close);
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.close();
        }
        if (sfu != null) {
            sfu.close();
        }
    }

    @Test
    @Order(1)
    void aFollowerPlaysTheBroadcastFromTheSfuAndSeesWhatTheHostRenders() throws Exception {
        Page direct = open("");
        direct.waitFor("simcast.state === 'connected' && simcast.stats && simcast.stats.framesDecoded > 10", PLAYING);
        Page follower = openFollower();
        command("pause");
        Thread.sleep(1500); // both pictures settle on the paused state

        double[] fromSfu = picture(follower);
        double[] fromHost = picture(direct);
        assertThat(difference(fromSfu, fromHost)).as("the SFU's picture against the host's own connection")
                .isLessThan(6);
        assertThat(difference(fromSfu, new double[fromSfu.length])).as("not a black picture").isGreaterThan(20);
        assertThat(viewerStates()).contains("sfu");
        assertThat(follower.evaluate("document.getElementById('video').videoWidth").asInt()).isEqualTo(640);
        direct.close();
        pages.remove(direct);
        command("play");
    }

    @Test
    @Order(2)
    void aLateViewerGetsAPictureAndTheHostEncodesNothingForIt() throws Exception {
        Thread.sleep(2000); // well after the last key frame was asked for
        long sentBefore = broadcast().path("sent").asLong();
        long requestsBefore = broadcast().path("keyframeRequests").asLong();
        long keyframesBefore = broadcast().path("keyframes").asLong();
        Page late = openFollower();

        // Janus asks its publisher for a picture when a subscriber starts: the request reached the encoder.
        waitFor(() -> broadcast().path("keyframeRequests").asLong() > requestsBefore, 30_000);
        waitFor(() -> broadcast().path("keyframes").asLong() > keyframesBefore, 30_000);

        assertThat(late.evaluate("document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames")
                .asLong()).isGreaterThan(0);
        assertThat(broadcast().path("sent").asLong()).as("the one encoder kept sending").isGreaterThan(sentBefore);
        JsonNode views = Json.parse(host.get("/api/stats").body()).path("rendering").path("views");
        assertThat(views.size()).as("no per-viewer WebRTC feed for SFU viewers").isZero();
    }

    @Test
    @Order(3)
    void whenTheSfuRestartsTheBroadcastReconnectsAndThePictureComesBack() throws Exception {
        Page follower = pages.getLast();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger broadcastLog = (Logger) LoggerFactory.getLogger(Broadcast.class);
        log.start();
        broadcastLog.addAppender(log);
        try {
            sfu.restart();

            waitFor(() -> broadcast().path("reconnects").asLong() >= 1
                    && "LIVE".equals(broadcast().path("state").asText()), 60_000);
        } finally {
            broadcastLog.detachAppender(log);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("lost") && line.contains("reconnecting"))
                .anyMatch(line -> line.contains("is live again (reconnect 1"));
        follower.waitFor("simcast.broadcast === 'playing'", PLAYING);
        long frames = totalFrames(follower);
        follower.waitFor("document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames > " + frames,
                PLAYING);
        command("pause");
        Thread.sleep(1500);
        assertThat(difference(picture(follower), new double[picture(follower).length])).as("a picture again")
                .isGreaterThan(20);
        command("play");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Page open(String query) throws InterruptedException {
        Page page = browser.open(host.operatorPage(query).toString());
        pages.add(page);
        page.waitFor("window.simcast", Duration.ofSeconds(10));
        return page;
    }

    private static Page openFollower() throws InterruptedException {
        Page page = open("?view=host");
        page.waitFor("simcast.broadcast === 'playing'"
                + " && document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames > 5", PLAYING);
        return page;
    }

    private static long totalFrames(Page page) {
        return page.evaluate("document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames").asLong();
    }

    private static JsonNode broadcast() throws Exception {
        return Json.parse(host.get("/api/stats").body()).path("broadcast");
    }

    private static List<String> viewerStates() throws Exception {
        List<String> states = new ArrayList<>();
        Json.parse(host.get("/api/stats").body()).path("viewers").forEach(v -> states.add(v.path("state").asText()));
        return states;
    }

    private static void command(String cmd) throws Exception {
        host.post("/api/sim/command", "application/json", "{\"cmd\": \"" + cmd + "\"}");
    }
}
