package io.simcast.app.cli;

import io.simcast.app.png.PngFile;
import io.simcast.sim.render.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Writes a rendered frame as an opaque PNG, turning its bottom-up rows the right way up. Any thread. */
final class FramePng {
    private FramePng() {}

    static void write(Frame frame, Path file) throws IOException {
        ByteBuffer rgba = frame.rgbaBottomUp();
        int width = frame.width();
        int[] rgb = new int[width * frame.height()];
        for (int y = 0; y < frame.height(); y++) {
            int row = frame.rowOffset(y);
            for (int x = 0; x < width; x++) {
                int at = row + 4 * x;
                rgb[y * width + x] = (rgba.get(at) & 0xFF) << 16 | (rgba.get(at + 1) & 0xFF) << 8
                        | rgba.get(at + 2) & 0xFF;
            }
        }
        PngFile.write(rgb, frame.width(), frame.height(), true, file);
    }
}
