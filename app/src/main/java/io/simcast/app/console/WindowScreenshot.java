package io.simcast.app.console;

import io.simcast.app.png.PngFile;
import java.nio.file.Path;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * A PNG of the console's window, for the README ({@code simcast console --screenshot}): once the window has settled
 * (layout, colours, the first frames and snapshots), pixels taken on the JavaFX thread, encoded on the task's thread.
 */
final class WindowScreenshot implements ConsoleTask {
    /** How long the window settles before the picture is taken. */
    private static final long SETTLE_MILLIS = 3000;

    private final Path file;

    WindowScreenshot(Path file) {
        this.file = file;
    }

    @Override
    public void run(Stage stage, Console console, ConsoleServices services) throws Exception {
        Thread.sleep(SETTLE_MILLIS);
        record Pixels(int[] argb, int width, int height) {}
        Pixels pixels = ConsoleTask.onFxThread(() -> {
            WritableImage image = stage.getScene().snapshot(null);
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            return new Pixels(argb, width, height);
        });
        PngFile.write(pixels.argb(), pixels.width(), pixels.height(), true, file);
    }
}
