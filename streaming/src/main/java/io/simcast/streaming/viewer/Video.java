package io.simcast.streaming.viewer;

import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.rl.CopyViews;
import io.simcast.streaming.watch.WatchSources;
import io.simcast.streaming.webrtc.PeerSessions;
import java.util.Optional;

/** Whether this host can send video to viewers, with what, or why not. */
public sealed interface Video {
    /** Why viewers cannot be served, if they cannot. */
    default Optional<String> problem() {
        return this instanceof Unavailable unavailable ? Optional.of(unavailable.reason()) : Optional.empty();
    }

    /**
     * WebRTC and the renderer are there.
     *
     * @param sessions opens each viewer's peer connection (the WebRTC engine)
     * @param feeds the renders viewers watch
     * @param copies the renders of RL environment copies viewers may watch
     * @param sandboxes the published sandboxes viewers may watch (MCP sessions')
     */
    record Available(PeerSessions sessions, FeedPool feeds, CopyViews copies, WatchSources sandboxes)
            implements Video {}

    /** WebRTC's native library or the renderer is missing: viewers are refused with {@code reason}. */
    record Unavailable(String reason) implements Video {}
}
