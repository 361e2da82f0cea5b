package io.simcast.streaming.signaling;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.WhepClient;
import io.simcast.streaming.http.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** WHEP with a webrtc-java player, host and player in the test's private network namespace. */
@Tag("e2e")
class WhepTest {
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum", StreamingConfig.builder().maxViewers(2));
    }

    @BeforeEach
    void noViewersLeftFromEarlierTests() throws Exception {
        waitFor(() -> viewerCount() == 0, 30_000);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aWhepPlayerReceivesH264AtTheConfiguredSizeAndDeleteEndsTheSession() throws Exception {
        try (WhepClient player = new WhepClient()) {
            HttpResponse<String> created = host.post("/whep", "application/sdp", player.offer());

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Content-Type")).hasValue("application/sdp");
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("/whep/[0-9a-f]{16}");
            assertThat(created.body()).contains("a=candidate:").contains("a=sendonly");
            player.answer(created.body());
            player.connected.get(60, TimeUnit.SECONDS);
            waitFor(() -> player.frames.get() >= 30, 60_000);
            assertThat(player.frameSize.get()).isEqualTo("640x480");
            waitFor(() -> viewer(0).path("fpsSent").asDouble() > 0, 60_000);
            assertThat(viewer(0).path("codec").asText()).isEqualTo("H264");
            assertThat(viewer(0).path("door").asText()).isEqualTo("whep");

            HttpResponse<String> deleted = host.send(HttpRequest.newBuilder(host.uri(location)).DELETE());

            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(viewerCount()).isZero();
        }
    }

    @Test
    void aPlayerThatVanishesWithoutDeleteIsCleanedUp() throws Exception {
        WhepClient player = new WhepClient();
        HttpResponse<String> created = host.post("/whep", "application/sdp", player.offer());
        player.answer(created.body());
        player.connected.get(60, TimeUnit.SECONDS);
        assertThat(viewerCount()).isEqualTo(1);

        player.close();

        waitFor(() -> viewerCount() == 0, 30_000); // a session nobody cleaned up would stay for good
    }

    @Test
    void theViewerLimitRefusesTheNextPlayerWithAClearMessage() throws Exception {
        try (WhepClient first = new WhepClient(); WhepClient second = new WhepClient();
             WhepClient third = new WhepClient()) {
            HttpResponse<String> one = host.post("/whep", "application/sdp", first.offer());
            HttpResponse<String> two = host.post("/whep", "application/sdp", second.offer());
            assertThat(one.statusCode()).isEqualTo(201);
            assertThat(two.statusCode()).isEqualTo(201);

            HttpResponse<String> refused = host.post("/whep", "application/sdp", third.offer());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Json.parse(refused.body()).path("error").asText()).isEqualTo(
                    "This host is full: it serves at most 2 viewers at once. Try again when someone leaves");
            for (HttpResponse<String> session : List.of(one, two)) {
                host.send(HttpRequest.newBuilder(host.uri(session.headers().firstValue("Location").orElseThrow()))
                        .DELETE());
            }
            assertThat(viewerCount()).isZero();
        }
    }

    private static JsonNode viewer(int index) throws Exception {
        return Json.parse(host.get("/api/stats").body()).path("viewers").path(index);
    }

    private static int viewerCount() throws Exception {
        return Json.parse(host.get("/api/health").body()).path("viewers").path("count").asInt();
    }
}
