package io.simcast.streaming.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.Eventually;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.SocketClient;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.TurnSecret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signalling WebSocket's admission and error replies; no media, so no network namespace needed. */
class SignalingTest {
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum", StreamingConfig.builder().maxViewers(1)
                .iceServers(List.of(new IceServer("turn:turn.example.org:3478", "alice", "secret"))));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @BeforeEach
    void earlierViewersHaveLeft() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (host.host.viewerCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private static URI socketUri() {
        return socketUri(host);
    }

    private static URI socketUri(TestHost host) {
        return URI.create(host.uri("/ws/signaling").toString().replace("http:", "ws:"));
    }

    @Test
    void anAdmittedViewerIsWelcomedWithItsIdTheIceServersTheSceneAndTheState() throws Exception {
        try (SocketClient client = SocketClient.authorized(socketUri(), host.operatorToken())) {
            JsonNode welcome = client.next("welcome");

            assertThat(welcome.path("viewerId").asText()).matches("[0-9a-f]{16}");
            assertThat(welcome.path("viewMode").asText()).isEqualTo("own");
            assertThat(welcome.path("video").path("width").asInt()).isEqualTo(640);
            assertThat(welcome.path("iceServers").get(0).path("credential").asText()).isEqualTo("secret");
            assertThat(welcome.path("scene").path("id").asText()).isEqualTo("pendulum");
            assertThat(welcome.path("state").path("playing").asBoolean()).isTrue();
            assertThat(client.next("state").path("viewers").asInt()).isEqualTo(1);
        }
    }

    @Test
    void withATurnSecretEachViewerIsWelcomedWithATurnCredentialOfItsOwn() throws Exception {
        TurnSecret secret = TurnSecret.of("a-secret-of-some-length");
        try (TestHost minting = TestHost.start("pendulum", StreamingConfig.builder().maxViewers(2)
                .iceServers(List.of(new IceServer("turn:turn.example.org:3478", null, null))).turnSecret(secret));
             SocketClient first = SocketClient.authorized(socketUri(minting), minting.operatorToken());
             SocketClient second = SocketClient.authorized(socketUri(minting), minting.operatorToken())) {
            for (JsonNode welcome : List.of(first.next("welcome"), second.next("welcome"))) {
                JsonNode turn = welcome.path("iceServers").get(0);
                String viewer = welcome.path("viewerId").asText();
                String username = turn.path("username").asText();

                assertThat(username).matches("\\d+:" + viewer);
                Instant minted = Instant.ofEpochSecond(Long.parseLong(username.split(":")[0]))
                        .minus(secret.lifetime());
                assertThat(turn.path("credential").asText()).isEqualTo(secret.mint(viewer, minted).password());
            }
        }
    }

    @Test
    void beyondTheLimitAViewerIsRefusedWithAReasonAndTheSocketCloses() throws Exception {
        try (SocketClient first = SocketClient.authorized(socketUri(), host.operatorToken())) {
            first.next("welcome");
            try (SocketClient second = SocketClient.authorized(socketUri(), host.operatorToken())) {
                JsonNode refused = second.next("refused");

                assertThat(refused.path("reason").asText()).isEqualTo("viewer_limit");
                assertThat(refused.path("message").asText()).isEqualTo(
                        "This host is full: it serves at most 1 viewer at once. Try again when someone leaves");
                assertThat(second.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1013);
            }
        }
    }

    @Test
    void unreadableMessagesGetAnErrorAndTheSocketStaysOpen() throws Exception {
        try (SocketClient client = SocketClient.authorized(socketUri(), host.operatorToken())) {
            client.next("welcome");

            client.send("{not json");
            assertThat(client.next("error").path("code").asText()).isEqualTo("bad_json");
            client.send("{\"type\": \"offer\"}");
            assertThat(client.next("error").path("message").asText())
                    .isEqualTo("The offer is empty; send the SDP of an RTCPeerConnection offer");
            client.send("{\"type\": \"mouse_move\", \"x\": \"left\"}");
            assertThat(client.next("error").path("message").asText()).isEqualTo("'mouse_move' needs \"x\": a number");
            client.send("{\"type\": \"view\", \"mode\": \"host\"}");

            assertThat(client.next("view").path("mode").asText()).isEqualTo("host");
            assertThat(client.closed).isNotDone();
        }
    }

    @Test
    void theOriginalViewersClientsMayNameCandidatesIceCandidateAndWrapInputAsAnEvent() throws Exception {
        try (SocketClient client = SocketClient.authorized(socketUri(), host.operatorToken())) {
            client.next("welcome");

            client.send("{\"type\": \"ice-candidate\", \"candidate\": {\"candidate\": \"bogus\", \"sdpMid\": \"0\","
                    + " \"sdpMLineIndex\": 0}}");
            assertThat(client.next("error").path("code").asText()).as("read as a candidate").isEqualTo("bad_candidate");
            client.send("{\"type\": \"event\", \"data\": {\"type\": \"command\", \"cmd\": \"pause\"}}");
            Eventually.waitFor(() -> !host.simulation.snapshot().playing(), 5_000);
            client.send("{\"type\": \"event\", \"data\": \"play\"}");
            assertThat(client.next("error").path("message").asText())
                    .isEqualTo("'event' needs \"data\": an input event");
            client.send("{\"type\": \"event\", \"data\": {\"type\": \"command\", \"cmd\": \"play\"}}");
            Eventually.waitFor(() -> host.simulation.snapshot().playing(), 5_000);
        }
    }

    @Test
    void aViewerTheOperatorDisconnectsIsToldNotToReconnectAndLeaves() throws Exception {
        try (SocketClient client = SocketClient.authorized(socketUri(), host.operatorToken())) {
            String id = client.next("welcome").path("viewerId").asText();

            assertThat(host.host.disconnect(id).get(30, TimeUnit.SECONDS)).isTrue();

            JsonNode bye = client.next("bye");
            assertThat(bye.path("reason").asText()).isEqualTo("the operator disconnected this viewer");
            assertThat(bye.path("reconnect").asBoolean(true)).isFalse();
            assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(host.host.viewerStats()).isEmpty();
            assertThat(host.host.disconnect(id).get(30, TimeUnit.SECONDS)).as("a second time").isFalse();
        }
    }

    @Test
    void aSocketOpenedByAnotherSiteIsRefused() {
        assertThatThrownBy(() -> new SocketClient(socketUri(), "https://evil.example").close())
                .hasStackTraceContaining("403");
    }
}
