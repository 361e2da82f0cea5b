package io.simcast.streaming.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.simcast.sim.render.View;
import java.util.Locale;
import io.simcast.streaming.webrtc.WebRtcEngine;

/**
 * One view on its way to viewers: the view, its pump, and the WebRTC source and track that every viewer of the
 * view sends from (libwebrtc encodes per connection, the render and the conversion happen once). Opened and
 * counted under {@link FeedPool}'s lock, closed by whoever released its last viewer.
 */
public final class Feed {
    /** Which picture a feed shows (see {@link FeedPool}). */
    public enum Kind {
        DEFAULT, HOST, OWN, RL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final View view;
    private final boolean ownsView;
    private final CustomVideoSource source;
    private final VideoTrack track;
    private final FramePump pump;
    private volatile int viewers;

    private Feed(Kind kind, View view, boolean ownsView, CustomVideoSource source, VideoTrack track,
                 FramePump pump) {
        this.kind = kind;
        this.view = view;
        this.ownsView = ownsView;
        this.source = source;
        this.track = track;
        this.pump = pump;
    }

    /** Subscribes to {@code view} and starts its pump. */
    static Feed open(WebRtcEngine engine, Kind kind, View view, boolean ownsView, boolean latencyStamp) {
        CustomVideoSource source = new CustomVideoSource();
        VideoTrack track = engine.createVideoTrack("simcast-" + view.id(), source);
        FramePump pump = new FramePump(view.id(), view.subscribe(), source, latencyStamp);
        pump.start();
        return new Feed(kind, view, ownsView, source, track, pump);
    }

    public String id() {
        return view.id();
    }

    public Kind kind() {
        return kind;
    }

    public View view() {
        return view;
    }

    public VideoTrack track() {
        return track;
    }

    public FramePump pump() {
        return pump;
    }

    /** Viewers watching; any thread (a stale count at worst). */
    public int viewers() {
        return viewers;
    }

    void addViewer() {
        viewers++;
    }

    /** @return true when that was the last viewer */
    boolean removeViewer() {
        return --viewers <= 0;
    }

    /**
     * Pump first (it pushes into the source), then track and source (no connection sends them any more: sessions
     * stop sending it before they release it), then the view if it is ours.
     */
    void close() {
        pump.close();
        track.dispose();
        source.dispose();
        if (ownsView) {
            view.close();
        }
    }
}
