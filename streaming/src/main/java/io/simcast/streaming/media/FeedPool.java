package io.simcast.streaming.media;

import io.simcast.sim.render.Quality;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.render.ViewSpec;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.webrtc.WebRtcEngine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Who watches which render. A viewer with its own camera gets a feed of its own; followers of the host's view
 * share one feed, so one render and one conversion serve them all. Feeds open on first use and close when their
 * last viewer leaves. The host's view comes from the embedder (the console's view) or is made here on demand.
 *
 * <p>{@link #acquire}, {@link #release} and {@link #close} run on the engine thread; {@link #feeds} on any thread.
 */
public final class FeedPool implements AutoCloseable {
    private final WebRtcEngine engine;
    private final Renderer renderer;
    private final VideoFormat format;
    private final boolean latencyStamp;
    private final Supplier<View> embedderHostView;
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private Feed hostFeed;

    /**
     * @param embedderHostView the embedder's view that followers watch, or a supplier of null to make one here
     */
    public FeedPool(WebRtcEngine engine, Renderer renderer, VideoFormat format, boolean latencyStamp,
                    Supplier<View> embedderHostView) {
        this.engine = engine;
        this.renderer = renderer;
        this.format = format;
        this.latencyStamp = latencyStamp;
        this.embedderHostView = embedderHostView;
    }

    /** A feed for one more viewer in {@code mode}. Engine thread. */
    public Feed acquire(ViewMode mode) {
        Feed feed;
        if (mode == ViewMode.HOST) {
            if (hostFeed == null) {
                View given = embedderHostView.get();
                hostFeed = open(mode, given != null ? given : newView(), given == null);
            }
            feed = hostFeed;
        } else {
            feed = open(mode, newView(), true);
        }
        feed.addViewer();
        return feed;
    }

    /** One viewer fewer; the feed closes with its last viewer. Engine thread. */
    public void release(Feed feed) {
        if (feed.removeViewer()) {
            feeds.remove(feed);
            if (feed == hostFeed) {
                hostFeed = null;
            }
            feed.close();
        }
    }

    /** The open feeds, for statistics. Any thread. */
    public List<Feed> feeds() {
        return List.copyOf(feeds);
    }

    /** Viewers of {@code feed}. Any thread (a stale count at worst). */
    public static int viewersOf(Feed feed) {
        return feed.viewers();
    }

    /** Streaming views use the fast preset: software rendering serves more viewers that way. */
    private View newView() {
        return renderer.createView(new ViewSpec(format.width(), format.height(), format.fps(), Quality.FAST));
    }

    private Feed open(ViewMode mode, View view, boolean ownsView) {
        Feed feed = Feed.open(engine, mode, view, ownsView, latencyStamp);
        feeds.add(feed);
        return feed;
    }

    /** Closes every feed; sessions must be closed first. Engine thread. */
    @Override
    public void close() {
        for (Feed feed : feeds) {
            feed.close();
        }
        feeds.clear();
        hostFeed = null;
    }
}
