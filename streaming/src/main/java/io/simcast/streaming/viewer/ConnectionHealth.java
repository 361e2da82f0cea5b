package io.simcast.streaming.viewer;

import io.simcast.streaming.webrtc.PeerState;
import io.simcast.streaming.webrtc.PeerStats;

/**
 * What is known about one viewer's connection: its state as libwebrtc reports it, and what the statistics sampled
 * twice a second say (rates, and whether the viewer still sends anything). Immutable; only the monitor thread makes
 * the next one ({@link ViewerMonitor}), so state changes and statistics are handed to it, never written where they
 * arrive.
 *
 * @param everConnected whether the connection was ever connected
 * @param silent whether the viewer sent nothing for the silence period at the last sample
 * @param troubleSinceNanos since when the viewer has been silent, disconnected or failed, or -1 while it is fine
 * @param lastInboundNanos when the viewer was last seen sending anything (0 before the first sample)
 * @param stats the last sample
 * @param statsNanos when it was taken (0 before the first)
 */
record ConnectionHealth(PeerState state, boolean everConnected, boolean silent, long troubleSinceNanos,
                        long lastInboundNanos, PeerStats stats, long statsNanos, double bitrateKbps, double fpsSent) {
    static final ConnectionHealth NEW = new ConnectionHealth(PeerState.NEW, false, false, -1, 0, PeerStats.NONE, 0,
            0, 0);

    /**
     * After libwebrtc reported {@code next} at {@code now}. Connected means ICE has just heard the viewer: it is not
     * silent, whatever the last sample said (after an outage the grace must not run out between the path coming back
     * and the next sample).
     */
    ConnectionHealth withState(PeerState next, long now) {
        boolean connected = next == PeerState.CONNECTED;
        boolean quiet = silent && !connected;
        return new ConnectionHealth(next, everConnected || connected, quiet, troubleSince(next, quiet, now),
                connected ? now : lastInboundNanos, stats, statsNanos, bitrateKbps, fpsSent);
    }

    /**
     * After a new statistics sample: rates from the previous one, and whether the viewer went silent. A receiving
     * browser sends RTCP and congestion feedback several times a second, so silence means it is gone; libwebrtc
     * itself takes five seconds to call the connection disconnected. That feedback answers our video, so silence
     * counts only once video was sent (the first frames of a new view may take a moment).
     */
    ConnectionHealth sampled(PeerStats sample, long now, long silenceNanos) {
        boolean heard = sample.bytesReceived() != stats.bytesReceived() || lastInboundNanos == 0
                || sample.bytesSent() == 0;
        long inbound = heard ? now : lastInboundNanos;
        boolean quiet = now - inbound > silenceNanos;
        double bitrate = bitrateKbps;
        double fps = fpsSent;
        double seconds = (now - statsNanos) * 1e-9;
        if (statsNanos > 0 && seconds > 0.2 && sample.bytesSent() >= stats.bytesSent()) {
            bitrate = (sample.bytesSent() - stats.bytesSent()) * 8 / 1000.0 / seconds;
            fps = (sample.framesSent() - stats.framesSent()) / seconds;
        }
        return new ConnectionHealth(state, everConnected, quiet, troubleSince(state, quiet, now), inbound, sample, now,
                bitrate, fps);
    }

    /** After the viewer asked to restart ICE at {@code now}: it is there, so any trouble counts from now. */
    ConnectionHealth restarted(long now) {
        return new ConnectionHealth(state, everConnected, silent, troubleSinceNanos < 0 ? -1 : now, lastInboundNanos,
                stats, statsNanos, bitrateKbps, fpsSent);
    }

    /** Nanos since the viewer went silent, disconnected or failed, or -1 while it is fine. */
    long troubleFor(long now) {
        return troubleSinceNanos < 0 ? -1 : now - troubleSinceNanos;
    }

    private long troubleSince(PeerState next, boolean quiet, long now) {
        boolean trouble = quiet || next == PeerState.DISCONNECTED || next == PeerState.FAILED;
        return !trouble ? -1 : troubleSinceNanos < 0 ? now : troubleSinceNanos;
    }
}
