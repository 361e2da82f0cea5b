package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.SocketClient;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signalling sessions and their share links, on a host that gives this machine no operator access: what a viewer may
 * send, per-link limits, revocation and expiry ending sessions, and clients that misbehave being disconnected while a
 * well-behaved one keeps hearing from the host.
 */
class SessionAccessTest {
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum", StreamingConfig.builder()
                .operatorToken("operator-token-for-tests-0123456789"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @AfterEach
    void allViewersGone() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (host.host.viewerCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(host.host.viewerCount()).isZero();
    }

    private static SocketClient open(ShareLink link) throws Exception {
        SocketClient client = SocketClient.authorized(URI.create(host.uri("/ws/signaling").toString().replace("http:", "ws:")),
                link.token().orElseThrow());
        client.next("welcome");
        return client;
    }

    @Test
    void aViewerLinkMayNotPauseOrPerturbAndIsToldWhileTheSimulationRunsOn() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, null, 0);
        try (SocketClient viewer = open(link)) {
            viewer.send("{\"type\": \"command\", \"cmd\": \"pause\", \"params\": {}}");
            JsonNode refused = viewer.next("error");
            viewer.send("{\"type\": \"key_down\", \"code\": \"Backspace\"}");
            JsonNode key = viewer.next("error");
            viewer.send("{\"type\": \"mouse_down\", \"x\": 10, \"y\": 10, \"button\": 0, \"ctrl\": true}");
            JsonNode perturb = viewer.next("error");

            assertThat(refused.path("code").asText()).isEqualTo("forbidden");
            assertThat(refused.path("message").asText()).isEqualTo("A viewer link may move only its own camera, not"
                    + " run 'pause'; ask the host for a controller link");
            assertThat(key.path("message").asText()).contains("Backspace changes the simulation for everyone");
            assertThat(perturb.path("message").asText()).contains("not bodies (Ctrl+drag)");
            Thread.sleep(300);
            assertThat(host.simulation.snapshot().playing()).isTrue();
        }
    }

    @Test
    void aControllerLinkMayPause() throws Exception {
        ShareLink link = host.host.links().create(Role.CONTROLLER, null, 0);
        try (SocketClient controller = open(link)) {
            controller.send("{\"type\": \"command\", \"cmd\": \"pause\", \"params\": {}}");

            waitFor(() -> !host.simulation.snapshot().playing(), 30_000);
            controller.send("{\"type\": \"command\", \"cmd\": \"play\", \"params\": {}}");
            waitFor(() -> host.simulation.snapshot().playing(), 30_000);
        }
    }

    @Test
    void revokingALinkEndsItsSessionsAtOnceAndLeavesOthersAlone() throws Exception {
        ShareLink revoked = host.host.links().create(Role.VIEWER, null, 0);
        ShareLink kept = host.host.links().create(Role.VIEWER, null, 0);
        try (SocketClient first = open(revoked); SocketClient second = open(revoked); SocketClient other = open(kept)) {
            assertThat(host.host.viewerCount()).isEqualTo(3);

            host.host.links().revoke(revoked.id());

            assertThat(first.next("bye").path("reason").asText()).isEqualTo("the host revoked the share link");
            assertThat(second.next("bye").path("reason").asText()).isEqualTo("the host revoked the share link");
            assertThat(first.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(other.next("state")).isNotNull();
            assertThat(other.closed).isNotDone();
            waitFor(() -> host.host.viewerCount() == 1, 30_000);
        }
    }

    @Test
    void anExpiredLinkEndsItsSessions() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, Duration.ofSeconds(5), 0); // long enough to connect on a busy machine
        try (SocketClient viewer = open(link)) {
            assertThat(viewer.next("bye").path("reason").asText()).isEqualTo("the share link expired");
        }
    }

    @Test
    void aSocketThatNeverOffersGivesItsPlaceBackWithoutWaitingForTheConnectTimeout() throws Exception {
        try (SocketClient idle = open(host.host.links().create(Role.VIEWER, null, 0))) {
            JsonNode bye = idle.next(java.util.Set.of("bye"), Duration.ofSeconds(60));

            assertThat(bye.path("reason").asText()).isEqualTo("the viewer sent no offer");
        }
    }

    @Test
    void aLinkAdmitsNoMoreThanItsOwnLimit() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, null, 1);
        try (SocketClient first = open(link);
             SocketClient second = SocketClient.authorized(URI.create(host.uri("/ws/signaling").toString()
                     .replace("http:", "ws:")), link.token().orElseThrow())) {
            JsonNode refused = second.next("refused");

            assertThat(refused.path("reason").asText()).isEqualTo("link_limit");
            assertThat(refused.path("message").asText()).isEqualTo("This link already has 1 viewer, as many as it"
                    + " admits at once; ask the host for another link or try again later");
            assertThat(first.closed).isNotDone();
        }
    }

    @Test
    void aFlooderIsCutOffWhileAWellBehavedViewerKeepsHearingFromTheHost() throws Exception {
        ShareLink link = host.host.links().create(Role.CONTROLLER, null, 0);
        try (SocketClient bystander = open(link); SocketClient flooder = open(link)) {
            flooder.flood("{\"type\": \"wheel\", \"dx\": 0, \"dy\": 1}", 5000);

            assertThat(flooder.next("error").path("code").asText()).isEqualTo("rate_limited");
            assertThat(flooder.next("bye").path("reason").asText())
                    .isEqualTo("the viewer sent messages faster than the host handles them, for too long");
            assertThat(flooder.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(bystander.next("state")).isNotNull();
            assertThat(bystander.closed).isNotDone();
        }
    }

    @Test
    void aClientSendingGarbageIsCutOff() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, null, 0);
        try (SocketClient garbage = open(link)) {
            garbage.flood("{\"type\": ", 60);

            assertThat(garbage.next("bye").path("reason").asText())
                    .isEqualTo("the viewer kept sending messages the host could not use");
        }
    }

    @Test
    void aMessageLargerThanAnyInTheProtocolClosesTheSocketWith1009() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, null, 0);
        try (SocketClient big = open(link)) {
            big.flood("{\"type\": \"offer\", \"sdp\": \"" + "x".repeat(200_000) + "\"}", 1);

            assertThat(big.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    @Test
    void aBinaryMessageClosesTheSocketWith1003() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, null, 0);
        try (SocketClient binary = open(link)) {
            binary.sendBinary(new byte[] {1, 2, 3});

            assertThat(binary.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1003);
        }
    }
}
