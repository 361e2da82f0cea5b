package io.simcast.streaming.webrtc;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.Locale;

/** A viewer connection's state, with the WebRTC spec's names (RTCPeerConnectionState). */
public enum PeerState {
    NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED;

    static PeerState of(RTCPeerConnectionState state) {
        return valueOf(state.name());
    }

    /** The spec's lower-case name, as {@code /api/stats} shows it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
