package io.simcast.sim.render;

import java.nio.ByteBuffer;

/**
 * Bench mode's clock in the picture: the capture time, in epoch milliseconds modulo 2^32, drawn as 32 black or
 * white 16x16 blocks (two rows of sixteen, most significant bit first) in the top-left corner of the I420 frame.
 * Blocks align with the encoders' 16x16 macroblocks and use full black and white, so they survive compression; the
 * page reads them back from decoded frames (client/bench.js uses the same geometry) and subtracts them from its own
 * clock on the same machine. Called on the thread that fills the frame (a WebRTC pump, the broadcast).
 */
public final class LatencyStamp {
    public static final int BLOCK = 16;
    public static final int COLUMNS = 16;
    public static final int ROWS = 2;
    private static final byte BLACK_Y = 16;
    private static final byte WHITE_Y = (byte) 235;
    private static final byte NEUTRAL_CHROMA = (byte) 128;

    private LatencyStamp() {}

    /** Whether a frame of this size has room for the stamp. */
    public static boolean fits(int width, int height) {
        return width >= COLUMNS * BLOCK && height >= ROWS * BLOCK;
    }

    /** Draws {@code epochMillis} into the planes of an I420 frame (chroma set to grey under the blocks). */
    public static void write(ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV,
                             long epochMillis) {
        long value = epochMillis & 0xFFFF_FFFFL;
        for (int bit = 0; bit < COLUMNS * ROWS; bit++) {
            boolean one = ((value >>> (COLUMNS * ROWS - 1 - bit)) & 1) != 0;
            int left = (bit % COLUMNS) * BLOCK;
            int top = (bit / COLUMNS) * BLOCK;
            for (int row = 0; row < BLOCK; row++) {
                int offset = (top + row) * strideY + left;
                for (int column = 0; column < BLOCK; column++) {
                    y.put(offset + column, one ? WHITE_Y : BLACK_Y);
                }
            }
            for (int row = 0; row < BLOCK / 2; row++) {
                for (int column = 0; column < BLOCK / 2; column++) {
                    u.put((top / 2 + row) * strideU + left / 2 + column, NEUTRAL_CHROMA);
                    v.put((top / 2 + row) * strideV + left / 2 + column, NEUTRAL_CHROMA);
                }
            }
        }
    }

    /** Reads a stamp back from a luma plane (tests; the page does the same from RGB). */
    public static long read(ByteBuffer y, int strideY) {
        long value = 0;
        for (int bit = 0; bit < COLUMNS * ROWS; bit++) {
            int centreX = (bit % COLUMNS) * BLOCK + BLOCK / 2;
            int centreY = (bit / COLUMNS) * BLOCK + BLOCK / 2;
            int luma = y.get(centreY * strideY + centreX) & 0xFF;
            value = (value << 1) | (luma > 128 ? 1 : 0);
        }
        return value;
    }
}
