package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.ConsoleServices;
import io.simcast.app.console.Eventually;
import io.simcast.app.console.view.LiveRendering;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** On a machine without EGL the view area says why, and the rest of the console works. */
class NoRendererUiTest extends ConsoleUiTest {
    private static final String REASON =
            "No EGL library (libEGL.so.1): install libegl1 libegl-mesa0 libgl1-mesa-dri (libEGL.so.1: not found)";

    @Override
    ConsoleServices startServices() {
        // A process that has rendered once cannot lose EGL: the console gets what Renderer.start reported.
        return ConsoleServices.start(options(), simulation -> LiveRendering.unavailable(REASON));
    }

    @Test
    void theViewAreaSaysWhyAndTheSimulationStillRunsAndPauses() {
        assertThat(fx(() -> lookup("#live-view-message", Label.class).getText()))
                .isEqualTo("No live view: " + REASON + ". Everything else works.");
        assertThat(fx(() -> lookup("#live-view-image", ImageView.class).getImage())).isNull();
        double time = snapshot().time();
        Eventually.await("time to advance", () -> snapshot().time() > time);

        click("#live-view");
        press(KeyCode.SPACE);
        Eventually.await("the pause", () -> !snapshot().playing());
        press(KeyCode.CONTROL, KeyCode.P);
        awaitFx("the log line", () -> lookup("#log", ListView.class).getItems().stream()
                .anyMatch(entry -> entry.toString().endsWith("No picture to save yet: the live view has not shown a frame")));
    }
}
