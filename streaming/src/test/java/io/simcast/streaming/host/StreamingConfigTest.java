package io.simcast.streaming.host;

import io.simcast.streaming.PortRange;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.VideoFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StreamingConfigTest {
    @Test
    void defaultsBindLoopbackOnPort8000At640x480And30Fps() {
        StreamingConfig config = StreamingConfig.defaults();

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.video()).isEqualTo(new VideoFormat(640, 480, 30));
        assertThat(config.maxViewers()).isEqualTo(16);
        assertThat(config.defaultViewMode()).isEqualTo(ViewMode.OWN);
        assertThat(config.rlIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theEnvironmentSetsEverySetting() {
        StreamingConfig config = StreamingConfig.fromEnvironment(Map.of("HOST", "0.0.0.0", "PORT", "9000",
                "FRAME_WIDTH", "1280", "FRAME_HEIGHT", "720", "FRAME_RATE", "60", "MAX_VIEWERS", "4",
                "ICE_SERVERS", "stun:stun.example.org:3478, turn:turn.example.org:3478",
                "TURN_USERNAME", "alice", "TURN_CREDENTIAL", "secret", "WEBRTC_UDP_PORTS", "50000-50100")).build();

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.video()).isEqualTo(new VideoFormat(1280, 720, 60));
        assertThat(config.maxViewers()).isEqualTo(4);
        assertThat(config.iceServers().servers()).containsExactly(new IceServer("stun:stun.example.org:3478", null, null),
                new IceServer("turn:turn.example.org:3478", "alice", "secret"));
        assertThat(config.udpPorts()).isEqualTo(new PortRange(50000, 50100));
        assertThat(StreamingConfig.fromEnvironment(Map.of("RL_IDLE_TIMEOUT", "90")).build().rlIdleTimeout())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theListOfVariablesIsExactlyWhatTheEnvironmentIsAskedFor() {
        Set<String> asked = new TreeSet<>();
        Map<String, String> environment = new HashMap<>(Map.of("ICE_SERVERS", "turn:turn.example.org:3478")) {
            @Override
            public String get(Object key) {
                asked.add((String) key);
                return super.get(key);
            }
        };

        StreamingConfig.fromEnvironment(environment);

        assertThat(asked).containsExactlyInAnyOrderElementsOf(StreamingConfig.ENVIRONMENT);
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("PORT", "eighty")))
                .hasMessage("PORT must be a whole number from 0 to 65535, got 'eighty'");
        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("FRAME_WIDTH", "641")).build())
                .hasMessage("Frame width must be an even number of pixels from 16 to 3840, got 641");
        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("ICE_SERVERS", "http://example.org")))
                .hasMessage("ICE server 'http://example.org' is not a stun:, stuns:, turn: or turns: URL");
        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("WEBRTC_UDP_PORTS", "9-1")))
                .hasMessage("UDP port range must look like 50000-50100 (1 to 65535, low to high), got '9-1'");
        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("RL_IDLE_TIMEOUT", "5m")))
                .hasMessage("RL_IDLE_TIMEOUT must be a whole number of seconds from 1 to 86400, got '5m'");
        assertThatThrownBy(() -> StreamingConfig.fromEnvironment(Map.of("RL_IDLE_TIMEOUT", "0")))
                .hasMessage("RL_IDLE_TIMEOUT must be a whole number of seconds from 1 to 86400, got '0'");
    }

    @Test
    void aTurnCredentialNeverShowsInText() {
        IceServer turn = new IceServer("turn:turn.example.org:3478", "alice", "secret");

        assertThat(turn.toString()).doesNotContain("secret").isEqualTo("turn:turn.example.org:3478 (with credential)");
    }
}
