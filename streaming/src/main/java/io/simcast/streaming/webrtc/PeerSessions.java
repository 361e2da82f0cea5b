package io.simcast.streaming.webrtc;

/**
 * Opens one viewer's peer connection. {@link WebRtcEngine} is the one the host uses; a test may wrap it to make one
 * connection slow. Called on the viewer's own serial queue.
 */
@FunctionalInterface
public interface PeerSessions {
    PeerSession open(PeerSession.Listener listener);
}
