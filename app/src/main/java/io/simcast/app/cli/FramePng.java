package io.simcast.app.cli;

import io.simcast.sim.render.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a rendered frame as an opaque PNG. Any thread. */
final class FramePng {
    private FramePng() {}

    static void write(Frame frame, Path file) throws IOException {
        int width = frame.width();
        int height = frame.height();
        ByteBuffer rgba = frame.rgba();
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (rgba.get(4 * i) & 0xFF) << 16 | (rgba.get(4 * i + 1) & 0xFF) << 8 | rgba.get(4 * i + 2) & 0xFF;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
