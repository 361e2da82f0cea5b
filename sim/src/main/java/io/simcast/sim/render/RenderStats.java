package io.simcast.sim.render;

import io.simcast.sim.physics.PanelSample;

/**
 * How the renderer did over the last second, all views together.
 *
 * @param framesPerSecond frames rendered and published per second
 * @param renderMillis mean time per frame to update the scene and draw it, until the GPU finished
 * @param readbackMillis mean time per frame to read the pixels back into a frame (OpenGL's bottom-up rows)
 * @param frames frames rendered since the renderer started
 */
public record RenderStats(double framesPerSecond, double renderMillis, double readbackMillis, long frames) {
    static final RenderStats NONE = new RenderStats(0, 0, 0, 0);

    /** The figures simulate's profiler shows for the renderer. */
    public PanelSample.Drawing drawing() {
        return new PanelSample.Drawing(framesPerSecond, renderMillis, readbackMillis);
    }

    /** Readback as a fraction of the frame time. */
    public double readbackShare() {
        double total = renderMillis + readbackMillis;
        return total > 0 ? readbackMillis / total : 0;
    }
}
