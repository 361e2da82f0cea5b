package io.simcast.streaming.api;

import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.media.Feed;
import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.viewer.ViewerStats;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.server.HttpServerExchange;
import java.util.List;

/**
 * {@code GET /api/stats}: how well the host keeps up. The simulation's achieved real-time factor and step rate,
 * each view's delivered frame rate and per-frame cost, and each viewer's connection as libwebrtc and the viewer's
 * page measure it (sampled every second by the viewer monitor). Worker threads; reads snapshots only.
 */
public final class StatsResource {
    private final Simulation simulation;
    private final Viewers viewers;
    private final FeedPool feeds;

    public StatsResource(Simulation simulation, Viewers viewers, FeedPool feeds) {
        this.simulation = simulation;
        this.viewers = viewers;
        this.feeds = feeds;
    }

    public record Stats(SimulationState simulation, Rendering rendering, List<ViewerStats> viewers) {}

    public record Rendering(List<ViewStats> views) {}

    /**
     * @param id the view's id
     * @param mode own or host
     * @param viewers viewers watching it
     * @param fps frames per second handed to WebRTC
     * @param msPerFrame conversion to I420 and hand-over, per frame
     */
    public record ViewStats(String id, String mode, int viewers, double fps, double msPerFrame) {}

    public Stats get(HttpServerExchange exchange) {
        List<ViewStats> views = feeds == null ? List.of() : feeds.feeds().stream().map(StatsResource::view).toList();
        return new Stats(SimulationState.of(simulation.snapshot()), new Rendering(views), viewers.stats());
    }

    private static ViewStats view(Feed feed) {
        return new ViewStats(feed.id(), feed.mode().wireName(), FeedPool.viewersOf(feed),
                Math.round(feed.pump().framesPerSecond() * 10) / 10.0,
                Math.round(feed.pump().millisPerFrame() * 100) / 100.0);
    }
}
