package io.simcast.streaming.media;

import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.webrtc.WebRtcEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Who watches which render. Viewers that see the same picture share one feed (one render, one conversion, one
 * track; only the encoders are per viewer):
 *
 * <ul>
 *   <li>the <em>default</em> feed shows the model's default camera and nobody steers it: every viewer with its own
 *       camera starts there, and followers watch it when no embedder supplies a host view;
 *   <li>the <em>host</em> feed shows the embedder's view (the console's), for followers;
 *   <li>an <em>own</em> feed is one viewer's view, made the moment that viewer first steers its camera;
 *   <li>an <em>rl</em> feed shows one RL environment copy or one sandbox (its view belongs to {@code CopyViews} or
 *       {@code WatchSources}), shared by everyone who watches it.
 * </ul>
 *
 * Feeds open on first use and close with their last viewer.
 *
 * <p>Any thread: viewers' serial queues open and release feeds side by side, so the counts change under the pool's
 * lock. A feed is closed by whoever released its last viewer, after it left the pool (outside the lock: its pump
 * stops first), so nobody gets a closed feed; each viewer releases a feed only once its connection stopped sending it.
 */
public final class FeedPool implements AutoCloseable {
    private final WebRtcEngine engine;
    private final Renderer renderer;
    private final VideoFormat format;
    private final boolean latencyStamp;
    private final Supplier<View> embedderHostView;
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private Feed defaultFeed;
    private Feed hostFeed;
    private final Map<WatchRef, Feed> watchedFeeds = new HashMap<>();

    /**
     * @param embedderHostView the embedder's view that followers watch, or a supplier of null (followers then
     *     watch the default view)
     */
    public FeedPool(WebRtcEngine engine, Renderer renderer, VideoFormat format, boolean latencyStamp,
                    Supplier<View> embedderHostView) {
        this.engine = engine;
        this.renderer = renderer;
        this.format = format;
        this.latencyStamp = latencyStamp;
        this.embedderHostView = embedderHostView;
    }

    /** The shared feed a viewer in {@code mode} watches until it steers, counting it in. */
    public synchronized Feed shared(ViewMode mode) {
        Feed feed;
        View host = mode == ViewMode.HOST ? embedderHostView.get() : null;
        if (host != null) {
            if (hostFeed == null) {
                hostFeed = open(Feed.Kind.HOST, host, false);
            }
            feed = hostFeed;
        } else {
            if (defaultFeed == null) {
                defaultFeed = open(Feed.Kind.DEFAULT, createView(), true);
            }
            feed = defaultFeed;
        }
        feed.addViewer();
        return feed;
    }

    /** A feed of one viewer's own {@code view} (which the feed closes in the end). */
    public synchronized Feed own(View view) {
        Feed feed = open(Feed.Kind.OWN, view, true);
        feed.addViewer();
        return feed;
    }

    /**
     * The feed of what {@code key} shows in {@code view} (an RL environment copy, a sandbox), shared by everyone who
     * watches it, counting one viewer in. The view stays its owner's: closing the feed leaves it open.
     */
    public synchronized Feed watched(WatchRef key, View view) {
        Feed feed = watchedFeeds.computeIfAbsent(key, ignored -> open(Feed.Kind.RL, view, false));
        feed.addViewer();
        return feed;
    }

    /** One viewer fewer; the feed closes with its last viewer. */
    public void release(Feed feed) {
        if (leave(feed)) {
            feed.close();
        }
    }

    /** @return true when that was the feed's last viewer: it has left the pool, and the caller closes it */
    private synchronized boolean leave(Feed feed) {
        if (!feed.removeViewer()) {
            return false;
        }
        feeds.remove(feed);
        if (feed == hostFeed) {
            hostFeed = null;
        } else if (feed == defaultFeed) {
            defaultFeed = null;
        }
        watchedFeeds.values().remove(feed);
        return true;
    }

    /**
     * A new view at the streaming size and rate, with the model's default camera; any thread (the renderer queues
     * the work). Streaming views use the fast preset: software rendering serves more viewers that way.
     */
    public View createView() {
        return renderer.createView(format.streamingView());
    }

    /** The open feeds, for statistics. Any thread. */
    public List<Feed> feeds() {
        return List.copyOf(feeds);
    }

    private Feed open(Feed.Kind kind, View view, boolean ownsView) {
        Feed feed = Feed.open(engine, kind, view, ownsView, latencyStamp);
        feeds.add(feed);
        return feed;
    }

    /** Closes every feed; sessions must be closed first. */
    @Override
    public synchronized void close() {
        for (Feed feed : feeds) {
            feed.close();
        }
        feeds.clear();
        watchedFeeds.clear();
        hostFeed = null;
        defaultFeed = null;
    }
}
