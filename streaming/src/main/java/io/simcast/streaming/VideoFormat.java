package io.simcast.streaming;

import io.simcast.sim.render.Quality;
import io.simcast.sim.render.ViewSpec;

/**
 * The size and rate of the video every viewer receives. Width and height are even because I420 halves them for
 * the chroma planes.
 */
public record VideoFormat(int width, int height, int fps) {
    public static final VideoFormat DEFAULT = new VideoFormat(640, 480, 30);

    public VideoFormat {
        if (width < 16 || width > 3840 || width % 2 != 0) {
            throw new IllegalArgumentException(StreamingMessages.badFrameSize("width", width, 3840));
        }
        if (height < 16 || height > 2160 || height % 2 != 0) {
            throw new IllegalArgumentException(StreamingMessages.badFrameSize("height", height, 2160));
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException(StreamingMessages.badFrameRate(fps));
        }
    }

    /**
     * What a view streamed in this format renders: this size and rate in the fast preset (software rendering serves
     * more viewers that way).
     */
    public ViewSpec streamingView() {
        return new ViewSpec(width, height, fps, Quality.FAST);
    }
}
