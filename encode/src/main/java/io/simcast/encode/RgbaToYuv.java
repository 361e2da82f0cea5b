package io.simcast.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * RGBA (4 bytes a pixel, top or bottom row first) to the encoder's YUV picture with swscale, scaling when the source size
 * differs (a view resized while recording, an odd size rounded down to even). The encoder's thread only.
 */
final class RgbaToYuv implements AutoCloseable {
    private final int width;
    private final int height;
    private final int format;
    private final PointerPointer<BytePointer> source = new PointerPointer<>(1);
    private final IntPointer sourceStride = new IntPointer(1);
    private SwsContext context;

    RgbaToYuv(int width, int height, int format) {
        this.width = width;
        this.height = height;
        this.format = format;
    }

    /**
     * Converts one picture; {@code bottomUp} when its rows run bottom row first (the renderer's frames), which
     * swscale turns upright while converting: it reads from the last row with a negative stride.
     */
    void convert(BytePointer rgba, int sourceWidth, int sourceHeight, boolean bottomUp, AVFrame target) {
        context = sws_getCachedContext(context, sourceWidth, sourceHeight, AV_PIX_FMT_RGBA, width, height, format,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (context == null) {
            throw new FfmpegException("no conversion from " + sourceWidth + "x" + sourceHeight + " RGBA", -1);
        }
        int rowBytes = sourceWidth * 4;
        source.put(0, bottomUp ? rgba.getPointer((long) (sourceHeight - 1) * rowBytes) : rgba);
        sourceStride.put(0, bottomUp ? -rowBytes : rowBytes);
        sws_scale(context, source, sourceStride, 0, sourceHeight, target.data(), target.linesize());
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        source.close();
        sourceStride.close();
    }
}
