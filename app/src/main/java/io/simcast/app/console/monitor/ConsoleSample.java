package io.simcast.app.console.monitor;

import io.simcast.streaming.viewer.ViewerStats;
import java.util.List;

/**
 * How the console's machinery was doing at one moment; immutable, so it crosses threads freely.
 *
 * @param seconds seconds since the console started
 * @param playing whether simulation time runs
 * @param realTimeFactor simulated seconds per wall-clock second, as the physics thread measures it
 * @param renderFps frames the renderer drew per second, all views together (the console's and the viewers')
 * @param liveViewFps new frames the live view put on screen per second
 * @param liveViewLatencyMillis mean time from the renderer's readback to the pulse that showed the frame
 * @param viewers every admitted viewer, as {@code GET /api/stats} shows them
 */
public record ConsoleSample(double seconds, boolean playing, double realTimeFactor, double renderFps,
                            double liveViewFps, double liveViewLatencyMillis, List<ViewerStats> viewers) {
    public ConsoleSample {
        viewers = List.copyOf(viewers);
    }
}
