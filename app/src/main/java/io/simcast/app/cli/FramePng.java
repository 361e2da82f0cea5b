package io.simcast.app.cli;

import io.simcast.app.png.PngFile;
import io.simcast.sim.render.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Writes a rendered frame as an opaque PNG. Any thread. */
final class FramePng {
    private FramePng() {}

    static void write(Frame frame, Path file) throws IOException {
        ByteBuffer rgba = frame.rgba();
        int[] rgb = new int[frame.width() * frame.height()];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (rgba.get(4 * i) & 0xFF) << 16 | (rgba.get(4 * i + 1) & 0xFF) << 8 | rgba.get(4 * i + 2) & 0xFF;
        }
        PngFile.write(rgb, frame.width(), frame.height(), true, file);
    }
}
