package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * A model that takes MuJoCo a second or more to compile (a 51,200-triangle mesh, whose convex hull and inertia it
 * works out) loads behind a spinner while the window keeps working: pulses keep coming and the running scene's time
 * keeps moving in the status bar until the new scene takes over.
 */
class BigSceneUiTest extends ConsoleUiTest {
    /**
     * Rings of the sphere mesh: 2 x 160 x 160 triangles, which take MuJoCo 2-6 s to compile on the 2-core reference
     * box, long enough for dozens of pulses even on a much faster machine.
     */
    private static final int RINGS = 160;
    private static final String SCENE = """
            <mujoco model="big-ball">
              <asset>
                <mesh name="ball" file="big-ball.stl"/>
              </asset>
              <worldbody>
                <geom type="plane" size="5 5 0.1"/>
                <body pos="0 0 2">
                  <freejoint/>
                  <geom type="mesh" mesh="ball"/>
                </body>
              </worldbody>
            </mujoco>
            """;

    /** What the JavaFX thread did while the spinner showed, counted pulse by pulse on that thread. */
    private static final class PulsesWhileLoading extends AnimationTimer {
        private final Node spinner;
        private final Label time;
        int pulses;
        final Set<String> timesShown = new HashSet<>();

        PulsesWhileLoading(Node spinner, Label time) {
            this.spinner = spinner;
            this.time = time;
        }

        @Override
        public void handle(long now) {
            if (spinner.isVisible()) {
                pulses++;
                timesShown.add(time.getText());
            }
        }
    }

    @Test
    void aBigModelLoadsBehindASpinnerWhileTheWindowKeepsWorking() throws Exception {
        Path file = dataFolder.resolve("big-ball.xml");
        Files.writeString(file, SCENE);
        writeSphere(dataFolder.resolve("big-ball.stl"));
        PulsesWhileLoading watch = fx(() -> {
            PulsesWhileLoading timer = new PulsesWhileLoading(lookup("#status-progress", Node.class),
                    lookup("#status-time", Label.class));
            timer.start();
            return timer;
        });

        dialogs.choosing(file);
        press(KeyCode.CONTROL, KeyCode.O);
        Eventually.await("the big model to run", () -> snapshot().sceneId().equals("big-ball"),
                Duration.ofSeconds(60));
        awaitFx("the spinner to go", () -> !lookup("#status-progress", Node.class).isVisible());
        fx(() -> {
            watch.stop();
            return null;
        });

        // A frozen window would show the spinner for one or two pulses at most, with one time in the status bar.
        assertThat(fx(() -> watch.pulses)).as("pulses while the spinner showed").isGreaterThanOrEqualTo(10);
        assertThat(fx(() -> watch.timesShown.size())).as("simulation times shown while it loaded")
                .isGreaterThanOrEqualTo(5);
        double time = snapshot().time();
        Eventually.await("the big model's time to advance", () -> snapshot().time() > time);
    }

    /** A binary STL of a unit sphere in {@value #RINGS} rings and segments. */
    private static void writeSphere(Path file) throws IOException {
        int triangles = 2 * RINGS * RINGS;
        ByteBuffer stl = ByteBuffer.allocate(84 + 50 * triangles).order(ByteOrder.LITTLE_ENDIAN);
        stl.position(80);
        stl.putInt(triangles);
        for (int i = 0; i < RINGS; i++) {
            for (int j = 0; j < RINGS; j++) {
                float[][] corners = {point(i, j), point(i + 1, j), point(i + 1, j + 1), point(i, j + 1)};
                for (int[] triangle : new int[][] {{0, 1, 2}, {0, 2, 3}}) {
                    stl.putFloat(0).putFloat(0).putFloat(0); // the normal: MuJoCo computes its own
                    for (int corner : triangle) {
                        stl.putFloat(corners[corner][0]).putFloat(corners[corner][1]).putFloat(corners[corner][2]);
                    }
                    stl.putShort((short) 0);
                }
            }
        }
        Files.write(file, stl.array());
    }

    private static float[] point(int ring, int segment) {
        double theta = Math.PI * ring / RINGS;
        double phi = 2 * Math.PI * segment / RINGS;
        return new float[] {(float) (Math.sin(theta) * Math.cos(phi)), (float) (Math.sin(theta) * Math.sin(phi)),
                (float) Math.cos(theta)};
    }
}
