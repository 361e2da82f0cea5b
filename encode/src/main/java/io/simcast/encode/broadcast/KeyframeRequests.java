package io.simcast.encode.broadcast;

/**
 * Recognises an SFU's request for a key frame in a datagram it sends to the publisher: an RTCP payload-specific
 * feedback packet (PT 206) of type PLI (picture loss, FMT 1) or FIR (full intra request, FMT 4). SRTCP encrypts
 * only what follows the first 8 bytes, so the header is readable without the keys; a request hidden behind another
 * packet of a compound datagram is not seen (Janus and mediasoup send PLI and FIR on their own). Pure function, any
 * thread.
 */
final class KeyframeRequests {
    static final int PAYLOAD_SPECIFIC_FEEDBACK = 206;
    static final int PLI = 1;
    static final int FIR = 4;
    /** RTCP header (8) plus the SRTCP index (4): anything shorter is not an SRTCP packet. */
    private static final int SHORTEST = 12;

    private KeyframeRequests() {}

    /** Whether the first {@code length} bytes of {@code datagram} are a PLI or FIR. */
    static boolean asksForKeyframe(byte[] datagram, int length) {
        if (length < SHORTEST || (datagram[0] & 0xC0) != 0x80) {
            return false; // not RTP/RTCP version 2 (STUN, DTLS)
        }
        int type = datagram[1] & 0xFF;
        int format = datagram[0] & 0x1F;
        return type == PAYLOAD_SPECIFIC_FEEDBACK && (format == PLI || format == FIR);
    }
}
