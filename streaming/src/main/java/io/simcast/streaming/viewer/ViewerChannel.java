package io.simcast.streaming.viewer;

import io.simcast.sim.render.CameraPose;
import io.simcast.streaming.WatchRef;

/**
 * How the host talks back to one viewer outside the media: the signalling WebSocket, or nothing for WHEP viewers
 * (their answer carries every candidate and they learn nothing else). Implementations never block and may be
 * called from any thread, libwebrtc's included.
 */
public interface ViewerChannel {
    /** WHEP viewers have no channel. */
    ViewerChannel NONE = new ViewerChannel() {
        @Override
        public void candidate(String candidate, String sdpMid, int sdpMLineIndex) {}

        @Override
        public void restartIce() {}

        @Override
        public void error(String code, String message) {}

        @Override
        public void watching(WatchRef watched, String reason) {}

        @Override
        public void camera(CameraPose pose) {}

        @Override
        public void close(String reason, boolean reconnect) {}
    };

    /** A local ICE candidate to trickle. */
    void candidate(String candidate, String sdpMid, int sdpMLineIndex);

    /** The media path failed while the viewer stays: it should send an ICE-restart offer on the same connection. */
    void restartIce();

    /** Something the viewer sent was refused, or its connection broke; {@code code} is machine-readable. */
    void error(String code, String message);

    /**
     * What the viewer now watches: {@code watched}, or the simulation when null; {@code reason} says why the host
     * switched it (its RL environment or sandbox closed), or is null when the viewer asked.
     */
    void watching(WatchRef watched, String reason);

    /** Where the viewer's own camera is after a change it made (the page names a new fixed camera). */
    void camera(CameraPose pose);

    /**
     * Ends the channel, saying why.
     *
     * @param reconnect whether the viewer may come back by itself (the host stopping, a lost connection); false when
     *     the operator ended it, so the page does not reconnect
     */
    void close(String reason, boolean reconnect);
}
