package io.simcast.app.console.view;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * One rendered frame in the layout JavaFX shows without conversion: premultiplied BGRA bytes, top row first (the
 * renderer's frames are opaque RGBA, so premultiplying changes nothing and only red and blue swap places). Filled on
 * the frame thread, read on the JavaFX thread; the hand-over between them publishes it.
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
     * Fills this picture from renderer pixels (RGBA, top row first, as many as fit). Read as little-endian ints an
     * RGBA pixel is ABGR and a BGRA pixel ARGB: swapping bytes 0 and 2 of each int turns one into the other.
     */
    void fill(ByteBuffer rgba, long frameNumber, long captured) {
        IntBuffer from = rgba.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        IntBuffer to = bgra.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int count = Math.min(from.remaining(), to.remaining());
        for (int i = 0; i < count; i++) {
            int pixel = from.get(i);
            to.put(i, (pixel & 0xFF00FF00) | (pixel & 0xFF) << 16 | (pixel >>> 16) & 0xFF);
        }
        number = frameNumber;
        capturedNanos = captured;
    }
}
