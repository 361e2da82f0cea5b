package io.simcast.streaming.api;

import io.simcast.encode.broadcast.Broadcast;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.RenderStats;
import io.simcast.sim.render.Renderer;
import io.simcast.streaming.media.Feed;
import io.simcast.streaming.viewer.Video;
import io.simcast.streaming.viewer.ViewerStats;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/stats}: how well the host keeps up. The simulation's achieved real-time factor and step rate,
 * each view's delivered frame rate and per-frame cost, and each viewer's connection as libwebrtc and the viewer's
 * page measure it (sampled every second by the viewer monitor). Worker threads; reads snapshots only.
 */
public final class StatsResource {
    private final Simulation simulation;
    private final Optional<Renderer> renderer;
    private final Viewers viewers;
    private final Video video;
    private final Supplier<Optional<Broadcast.Status>> broadcast;

    /**
     * @param renderer the renderer, if the host can render
     * @param video the views' feeds, if viewers get video
     * @param broadcast the broadcast to an SFU, when there is one
     */
    public StatsResource(Simulation simulation, Optional<Renderer> renderer, Viewers viewers, Video video,
                         Supplier<Optional<Broadcast.Status>> broadcast) {
        this.simulation = simulation;
        this.renderer = renderer;
        this.viewers = viewers;
        this.video = video;
        this.broadcast = broadcast;
    }

    /** @param broadcast the broadcast to an SFU (state, reconnects, rate), or null when there is none */
    public record Stats(SimulationState simulation, Rendering rendering, List<ViewerStats> viewers,
                        Broadcast.Status broadcast) {}

    /**
     * @param framesPerSecond frames the renderer drew per second, all views together
     * @param renderMillis mean time to draw a frame
     * @param readbackMillis mean time to read a frame back from the GPU (or llvmpipe)
     * @param views each view on its way to viewers
     */
    public record Rendering(double framesPerSecond, double renderMillis, double readbackMillis,
                            List<ViewStats> views) {}

    /**
     * @param id the view's id
     * @param kind default (the model's default camera, shared), host (the console's view) or own (one viewer's)
     * @param viewers viewers watching it
     * @param fps new frames per second handed to WebRTC
     * @param msPerFrame conversion to I420 and hand-over, per frame
     */
    public record ViewStats(String id, String kind, int viewers, double fps, double msPerFrame) {}

    public Stats get(HttpServerExchange exchange) {
        List<ViewStats> views = switch (video) {
            case Video.Available available -> available.feeds().feeds().stream().map(StatsResource::view).toList();
            case Video.Unavailable ignored -> List.of();
        };
        RenderStats rendered = renderer.map(Renderer::stats).orElseGet(() -> new RenderStats(0, 0, 0, 0));
        return new Stats(SimulationState.of(simulation.snapshot()), new Rendering(round(rendered.framesPerSecond()),
                round(rendered.renderMillis()), round(rendered.readbackMillis()), views), viewers.stats(),
                broadcast.get().orElse(null));
    }

    private static ViewStats view(Feed feed) {
        return new ViewStats(feed.id(), feed.kind().wireName(), feed.viewers(),
                round(feed.pump().framesPerSecond()), round(feed.pump().millisPerFrame()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
