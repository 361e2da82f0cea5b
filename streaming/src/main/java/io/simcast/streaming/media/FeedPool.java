package io.simcast.streaming.media;

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
    private final ViewSource views;
    private final VideoFormat format;
    private final boolean latencyStamp;
    private final Supplier<SourceView> embedderHostView;
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private Feed hostFeed;

    /**
     * @param embedderHostView the embedder's view that followers watch, or a supplier of null to make one here
     */
    public FeedPool(WebRtcEngine engine, ViewSource views, VideoFormat format, boolean latencyStamp,
                    Supplier<SourceView> embedderHostView) {
        this.engine = engine;
        this.views = views;
        this.format = format;
        this.latencyStamp = latencyStamp;
        this.embedderHostView = embedderHostView;
    }

    /** A feed for one more viewer in {@code mode}. Engine thread. */
    public Feed acquire(ViewMode mode) {
        Feed feed;
        if (mode == ViewMode.HOST) {
            if (hostFeed == null) {
                SourceView given = embedderHostView.get();
                hostFeed = open(mode, given != null ? given : views.createView(format), given == null);
            }
            feed = hostFeed;
        } else {
            feed = open(mode, views.createView(format), true);
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

    private Feed open(ViewMode mode, SourceView view, boolean ownsView) {
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
