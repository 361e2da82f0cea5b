package io.simcast.app.png;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes pixels as a PNG file with the JDK's own encoder: rendered frames ({@code simcast snapshot}), the console's
 * window (its screenshot for the README) and its live view (Ctrl+P). Any thread; encoding takes tens of
 * milliseconds, so keep it off the JavaFX thread.
 */
public final class PngFile {
    private PngFile() {}

    /**
     * @param argb one int per pixel (alpha, red, green, blue from the high byte down), top row first
     * @param opaque drop the alpha channel
     */
    public static void write(int[] argb, int width, int height, boolean opaque, Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Written beside it and renamed over it: whoever watches for the file never sees half of it.
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
