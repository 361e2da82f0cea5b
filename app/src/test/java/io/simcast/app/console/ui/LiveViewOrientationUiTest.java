package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.Eventually;
import io.simcast.app.console.TestOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import org.junit.jupiter.api.Test;

/** The live view shows the picture the right way up: a red box straight above a green one is higher on screen. */
class LiveViewOrientationUiTest extends ConsoleUiTest {

    @Override
    ConsoleOptions options() {
        try {
            Path scene = Path.of(LiveViewOrientationUiTest.class.getResource("red-over-green.xml").toURI());
            return TestOptions.of(dataFolder, scene.toString());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void redAboveGreenInTheSceneIsRedAboveGreenOnScreen() {
        double[] rows = Eventually.awaitValue("red and green in the live view", this::redAndGreenRows);

        assertThat(rows[0]).as("the red box's mean row (0 at the top)").isLessThan(rows[1]);
    }

    /** Mean rows of the clearly red and clearly green pixels on screen, or null before both show. */
    private double[] redAndGreenRows() {
        return fx(() -> {
            var image = lookup("#live-view-image", ImageView.class).getImage();
            if (image == null) {
                return null;
            }
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            double red = 0;
            double green = 0;
            int reds = 0;
            int greens = 0;
            for (int i = 0; i < argb.length; i++) {
                int r = argb[i] >> 16 & 0xFF;
                int g = argb[i] >> 8 & 0xFF;
                int b = argb[i] & 0xFF;
                if (r > 200 && g < 60 && b < 60) {
                    red += i / width;
                    reds++;
                } else if (g > 200 && r < 60 && b < 60) {
                    green += i / width;
                    greens++;
                }
            }
            return reds == 0 || greens == 0 ? null : new double[] {red / reds, green / greens};
        });
    }
}
