package io.simcast.app.console.view;

import io.simcast.sim.render.Frame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * One rendered frame in the layout JavaFX shows without conversion: premultiplied BGRA bytes, top row first (the
 * renderer's frames are opaque RGBA, bottom row first, so premultiplying changes nothing: red and blue swap places
 * and the rows turn over, in the one copy the window needs anyway). Filled on the frame thread, read on the JavaFX
 * thread; the hand-over between them publishes it.
 */
final class Picture {
    private final int width;
    private final int height;
    private final ByteBuffer bgra;
    private long number;
    private long capturedNanos;

    Picture(int width, int height) {
        this.width = width;
        this.height = height;
        this.bgra = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The pixels, positioned at 0 with the limit at the end. */
    ByteBuffer bgra() {
        return bgra.duplicate().clear();
    }

    /** The frame's number in its view; a gap means frames were dropped before it was shown. */
    long number() {
        return number;
    }

    /** When the renderer read the frame back ({@link System#nanoTime()}). */
    long capturedNanos() {
        return capturedNanos;
    }

    /**
     * Fills this picture from a frame of the same size, turning its rows (bottom row first, see {@link Frame}) the
     * right way up in the same pass. Read as little-endian ints an RGBA pixel is ABGR and a BGRA pixel ARGB:
     * swapping bytes 0 and 2 of each int turns one into the other.
     */
    void fill(Frame frame) {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("a " + frame.width() + "x" + frame.height() + " frame does not fit a "
                    + width + "x" + height + " picture");
        }
        IntBuffer from = frame.rgbaBottomUp().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        IntBuffer to = bgra.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        for (int y = 0; y < height; y++) {
            int source = frame.rowOffset(y) / 4;
            int target = y * width;
            for (int x = 0; x < width; x++) {
                int pixel = from.get(source + x);
                to.put(target + x, (pixel & 0xFF00FF00) | (pixel & 0xFF) << 16 | (pixel >>> 16) & 0xFF);
            }
        }
        number = frame.number();
        capturedNanos = frame.capturedNanos();
    }
}
