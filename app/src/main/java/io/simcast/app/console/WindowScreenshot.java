package io.simcast.app.console;

import io.simcast.app.png.PngFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A PNG of the console's window, for the README: pixels taken on the JavaFX thread, encoded on the IO thread. */
final class WindowScreenshot {
    private WindowScreenshot() {}

    /** Snapshots {@code scene} (JavaFX thread) and writes it to {@code file} on {@code io}. */
    static CompletableFuture<Path> save(Scene scene, Path file, Executor io) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return CompletableFuture.supplyAsync(() -> {
            try {
                PngFile.write(argb, width, height, false, file);
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io);
    }
}
