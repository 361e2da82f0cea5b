package io.simcast.streaming.media;

import io.simcast.streaming.VideoFormat;

/**
 * The renderer as the streaming host uses it: something that makes views of the running simulation.
 * (Bridges to io.simcast.sim.render until the renderer is on main.)
 */
public interface ViewSource {
    /** A new view rendered at {@code format}'s size and rate; the caller closes it. */
    SourceView createView(VideoFormat format);
}
