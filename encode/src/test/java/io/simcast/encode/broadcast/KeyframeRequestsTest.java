package io.simcast.encode.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the relay takes for an SFU's key frame request, on SRTCP datagrams as Janus sends them. */
class KeyframeRequestsTest {

    /** An SRTCP datagram: the 8 clear header bytes, an encrypted rest and the SRTCP index and tag. */
    private static byte[] srtcp(int format, int type) {
        byte[] datagram = new byte[8 + 4 + 4 + 10];
        datagram[0] = (byte) (0x80 | format);
        datagram[1] = (byte) type;
        datagram[3] = 2; // length in 32-bit words minus one
        return datagram;
    }

    @Test
    void pictureLossAndFullIntraRequestsAskForAKeyframe() {
        assertThat(KeyframeRequests.asksForKeyframe(srtcp(1, 206), 26)).as("PLI").isTrue();
        assertThat(KeyframeRequests.asksForKeyframe(srtcp(4, 206), 26)).as("FIR").isTrue();
    }

    @Test
    void otherFeedbackReportsAndMediaDoNot() {
        assertThat(KeyframeRequests.asksForKeyframe(srtcp(15, 206), 26)).as("REMB").isFalse();
        assertThat(KeyframeRequests.asksForKeyframe(srtcp(1, 205), 26)).as("NACK").isFalse();
        assertThat(KeyframeRequests.asksForKeyframe(srtcp(0, 201), 26)).as("receiver report").isFalse();
        assertThat(KeyframeRequests.asksForKeyframe(srtcp(1, 106), 26)).as("RTP with payload type 106").isFalse();
    }

    @Test
    void stunDtlsAndRuntsAreNotRtcp() {
        byte[] stun = srtcp(1, 206);
        stun[0] = 0x00; // a binding request starts 0x0001
        assertThat(KeyframeRequests.asksForKeyframe(stun, 26)).isFalse();
        byte[] dtls = srtcp(1, 206);
        dtls[0] = 22; // handshake record
        assertThat(KeyframeRequests.asksForKeyframe(dtls, 26)).isFalse();
        assertThat(KeyframeRequests.asksForKeyframe(srtcp(1, 206), 8)).as("too short for SRTCP").isFalse();
    }
}
