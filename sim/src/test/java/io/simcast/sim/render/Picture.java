package io.simcast.sim.render;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/**
 * A test's copy of a frame's pixels, top row first (the frame itself goes back to its pool at once), with pixel
 * queries.
 */
record Picture(int width, int height, byte[] rgba) {

    /** Copies the frame, top row first, and releases it. */
    static Picture of(Frame frame) {
        int rowBytes = frame.width() * 4;
        byte[] pixels = new byte[rowBytes * frame.height()];
        ByteBuffer rows = frame.rgbaBottomUp();
        for (int y = 0; y < frame.height(); y++) {
            rows.get(frame.rowOffset(y), pixels, y * rowBytes, rowBytes);
        }
        frame.release();
        return new Picture(frame.width(), frame.height(), pixels);
    }

    /** The pixel at column x, row y (row 0 at the top) as 0xRRGGBB. */
    int rgb(int x, int y) {
        int offset = (y * width + x) * 4;
        return (rgba[offset] & 0xFF) << 16 | (rgba[offset + 1] & 0xFF) << 8 | rgba[offset + 2] & 0xFF;
    }

    int alpha(int x, int y) {
        return rgba[(y * width + x) * 4 + 3] & 0xFF;
    }

    /** Pixels whose colour differs from {@code other}'s by more than {@code tolerance} in a channel, as a fraction. */
    double differingFraction(Picture other, int tolerance) {
        int differing = 0;
        int count = width * height;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs((rgba[4 * i + c] & 0xFF) - (other.rgba[4 * i + c] & 0xFF)) > tolerance) {
                    differing++;
                    break;
                }
            }
        }
        return (double) differing / count;
    }

    int count(IntPredicate colour) {
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                n += colour.test(rgb(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    /** The centre of the pixels matching {@code colour}: {x, y}, or null when there are none. */
    double[] centroid(IntPredicate colour) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (colour.test(rgb(x, y))) {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    n++;
                }
            }
        }
        return n == 0 ? null : new double[] {sx / n, sy / n};
    }

    /** Writes a PNG, for looking at the picture of a failing test. */
    void save(String path) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb(x, y));
            }
        }
        try {
            ImageIO.write(image, "png", new File(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One channel above 200, the others below 60. */
    static boolean isPure(int rgb, int channelShift) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int value = rgb >> shift & 0xFF;
            if (shift == channelShift ? value < 200 : value > 60) {
                return false;
            }
        }
        return true;
    }

    static boolean isRed(int rgb) {
        return isPure(rgb, 16);
    }

    static boolean isGreen(int rgb) {
        return isPure(rgb, 8);
    }

    static boolean isBlue(int rgb) {
        return isPure(rgb, 0);
    }
}
