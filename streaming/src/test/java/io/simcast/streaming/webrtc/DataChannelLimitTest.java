package io.simcast.streaming.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.signaling.SdpOffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A data-channel message is held to the signalling socket's limit: a larger one is dropped, not copied. */
class DataChannelLimitTest {
    @Test
    void theLimitIsTheSignallingSockets() {
        assertThat((long) PeerSession.MAX_MESSAGE_BYTES).isEqualTo(SdpOffer.MAX_BYTES + 1024L);
    }

    @Test
    void aMessageUpToTheLimitIsReadAndALargerOneIsDropped() {
        String largest = "x".repeat(PeerSession.MAX_MESSAGE_BYTES);

        assertThat(PeerSession.text(ByteBuffer.wrap("{\"type\": \"key_down\"}".getBytes(StandardCharsets.UTF_8))))
                .hasValue("{\"type\": \"key_down\"}");
        assertThat(PeerSession.text(ByteBuffer.wrap(largest.getBytes(StandardCharsets.UTF_8)))).hasValue(largest);
        assertThat(PeerSession.text(ByteBuffer.wrap((largest + "x").getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }
}
