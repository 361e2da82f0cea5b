package io.simcast.streaming.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecPreferencesTest {
    /** The video section of a Chromium 150 offer, shortened: VP8 first, as browsers offer it. */
    private static final String OFFER = String.join("\r\n",
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 106 107 45",
            "a=mid:0",
            "a=rtpmap:96 VP8/90000",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=rtpmap:102 H264/90000",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
            "a=rtpmap:103 H264/90000",
            "a=fmtp:103 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f",
            "a=rtpmap:106 H264/90000",
            "a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "a=rtpmap:107 rtx/90000",
            "a=fmtp:107 apt=106",
            "a=rtpmap:45 AV1/90000",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "a=mid:1",
            "");

    @Test
    void constrainedBaselineWithPacketizationModeOneComesFirstThenVp8ThenTheRest() {
        String preferred = CodecPreferences.preferInOffer(OFFER);

        assertThat(preferred).contains("\r\nm=video 9 UDP/TLS/RTP/SAVPF 106 103 96 97 102 107 45\r\n");
    }

    @Test
    void everythingButThePayloadOrderIsLeftAlone() {
        String preferred = CodecPreferences.preferInOffer(OFFER);

        assertThat(preferred.replaceFirst("m=video [^\r]*", ""))
                .isEqualTo(OFFER.replaceFirst("m=video [^\r]*", ""));
        assertThat(preferred).contains("m=application 9 UDP/DTLS/SCTP webrtc-datachannel");
    }

    @Test
    void anOfferWithoutH264KeepsVp8First() {
        String vp8Only = OFFER.replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 106 107 45",
                "m=video 9 UDP/TLS/RTP/SAVPF 45 96 97");

        assertThat(CodecPreferences.preferInOffer(vp8Only)).contains("m=video 9 UDP/TLS/RTP/SAVPF 96 45 97");
    }
}
