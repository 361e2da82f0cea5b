package io.simcast.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.streaming.host.StreamingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Per-viewer TURN credentials as coturn's REST API ({@code use-auth-secret}) checks them; TurnServerTest has a real
 * coturn accept and refuse them.
 */
class TurnSecretTest {
    private static final String SECRET = "0123456789abcdef0123";

    @Test
    void theUserNameIsTheExpiryAndThePeerAndThePasswordTheirHmacSha1() {
        TurnSecret secret = new TurnSecret(SECRET, Duration.ofHours(1));

        TurnSecret.Credential credential = secret.mint("viewer-1", Instant.ofEpochSecond(1_796_603_248L));

        // Python: base64.b64encode(hmac.new(SECRET, b'1796606848:viewer-1', hashlib.sha1).digest())
        assertThat(credential.username()).isEqualTo("1796606848:viewer-1");
        assertThat(credential.password()).isEqualTo("nLcOc6k3Jd0qQR6E/3SgIHGwkt0=");
    }

    @Test
    void eachViewerGetsItsOwnTurnCredentialAndStunServersStayAsTheyAre() {
        IceServers servers = new IceServers(List.of(new IceServer("stun:stun.example.org:3478", null, null),
                new IceServer("turn:turn.example.org:3478?transport=udp", null, null)),
                Optional.of(TurnSecret.of(SECRET)));
        Instant now = Instant.ofEpochSecond(1_800_000_000L);

        List<IceServer> first = servers.forPeer("a1", now);
        List<IceServer> second = servers.forPeer("b2", now);

        assertThat(first.get(0)).isEqualTo(new IceServer("stun:stun.example.org:3478", null, null));
        assertThat(first.get(1).username()).isEqualTo((1_800_000_000L + 8 * 3600) + ":a1");
        assertThat(second.get(1).username()).endsWith(":b2");
        assertThat(first.get(1).credential()).isNotEqualTo(second.get(1).credential());
        assertThat(servers.hasCredential(servers.servers().get(1))).isTrue();
        assertThat(servers.hasCredential(servers.servers().get(0))).isFalse();
    }

    @Test
    void neitherTheSecretNorAMintedPasswordShowsInText() {
        TurnSecret secret = TurnSecret.of(SECRET);
        TurnSecret.Credential credential = secret.mint("viewer-1", Instant.now());

        assertThat(secret.toString()).doesNotContain(SECRET);
        assertThat(credential.toString()).doesNotContain(credential.password()).contains(":viewer-1");
        assertThat(new IceServers(List.of(), Optional.of(secret)).toString()).doesNotContain(SECRET);
    }

    @Test
    void theSecretComesFromTurnSecretAndAShortOneOrOneBesideAStaticUserIsRefused() {
        StreamingConfig config = StreamingConfig.fromEnvironment(Map.of("ICE_SERVERS", "turn:turn.example.org:3478",
                "TURN_SECRET", SECRET)).build();
        assertThat(config.iceServers().secret()).isPresent();
        assertThat(config.iceServers().forPeer("v", Instant.now()).get(0).hasCredential()).isTrue();

        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("TURN_SECRET", "short")))
                .hasMessage(StreamingMessages.turnSecretTooShort(TurnSecret.MIN_LENGTH));
        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("ICE_SERVERS", "turn:turn.example.org:3478",
                "TURN_USERNAME", "alice", "TURN_CREDENTIAL", "pw", "TURN_SECRET", SECRET)).build())
                .hasMessage(StreamingMessages.turnSecretAndStaticUser());
    }
}
