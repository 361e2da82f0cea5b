package io.simcast.streaming.signaling;

import io.simcast.streaming.StreamingMessages;

/**
 * The checks an offer passes before libwebrtc sees it, so that a wrong body gets a sentence a person understands
 * rather than a parser trace. libwebrtc still has the last word. Pure; any thread.
 */
public final class SdpOffer {
    /** A real offer is 3 to 10 KB; sixty-four is generous and keeps the parser away from junk. */
    public static final int MAX_BYTES = 64 * 1024;

    private SdpOffer() {}

    /** @throws IllegalArgumentException saying what is wrong with {@code sdp} */
    public static String check(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new IllegalArgumentException(StreamingMessages.emptyOffer());
        }
        if (sdp.length() > MAX_BYTES) {
            throw new IllegalArgumentException(StreamingMessages.offerTooLarge(sdp.length(), MAX_BYTES));
        }
        if (!sdp.startsWith("v=0")) {
            throw new IllegalArgumentException(StreamingMessages.notSdp());
        }
        if (!sdp.contains("\nm=video ")) {
            throw new IllegalArgumentException(StreamingMessages.offerWithoutVideo());
        }
        return sdp;
    }
}
