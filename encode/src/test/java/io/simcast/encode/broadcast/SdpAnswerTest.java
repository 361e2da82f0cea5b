package io.simcast.encode.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The answer's media candidate is moved to the relay, as FFmpeg's muxer will read it. */
class SdpAnswerTest {
    /** Shaped like Janus's answer through simple-whip-server (one video section, a TCP and two UDP candidates). */
    private static final String ANSWER = String.join("\r\n",
            "v=0",
            "o=- 1 2 IN IP4 10.99.0.1",
            "s=VideoRoom 1234",
            "t=0 0",
            "a=group:BUNDLE 0",
            "m=video 9 UDP/TLS/RTP/SAVPF 106",
            "c=IN IP4 10.99.0.1",
            "a=ice-ufrag:abcd",
            "a=ice-pwd:efghijklmnopqrstuvwxyz",
            "a=candidate:2 1 tcp 1010827775 10.99.0.1 9 typ host tcptype active",
            "a=candidate:1 1 udp 2015363327 10.99.0.1 41234 typ host",
            "a=candidate:3 1 udp 2015363000 10.99.0.2 41999 typ host",
            "a=end-of-candidates",
            "a=rtcp-fb:106 nack pli",
            "") ;

    @Test
    void theMediaGoesToTheFirstUdpHostCandidate() {
        InetSocketAddress media = new SdpAnswer(ANSWER).mediaAddress().orElseThrow();

        assertThat(media.getHostString()).isEqualTo("10.99.0.1");
        assertThat(media.getPort()).isEqualTo(41234);
    }

    @Test
    void theRelayTakesThatCandidatesPlaceAndTheOthersGo() {
        String relayed = new SdpAnswer(ANSWER).relayedThrough(new InetSocketAddress("127.0.0.1", 50000));

        assertThat(relayed).contains("a=candidate:1 1 udp 2015363327 127.0.0.1 50000 typ host\r\n")
                .doesNotContain("41234", "41999", "tcptype")
                .contains("a=ice-pwd:efghijklmnopqrstuvwxyz\r\n", "a=rtcp-fb:106 nack pli\r\n", "a=end-of-candidates");
        assertThat(new SdpAnswer(relayed).mediaAddress().orElseThrow().getPort()).isEqualTo(50000);
    }

    @Test
    void anAnswerWithoutAUdpHostCandidateHasNoMediaAddress() {
        String tcpOnly = ANSWER.replace("udp", "tcp");

        assertThat(new SdpAnswer(tcpOnly).mediaAddress()).isEmpty();
    }
}
