package io.simcast.app.console.ui;

import io.simcast.app.console.ConsoleServices;
import io.simcast.app.console.Eventually;
import io.simcast.app.console.view.LiveRendering;
import io.simcast.sim.scene.SceneCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * A model that takes MuJoCo long to compile loads behind a spinner while the window keeps working: pulses keep coming
 * and the running scene's time keeps moving in the status bar until the new scene takes over. The compile is held
 * by the test until it has seen that (a real big model takes 50 ms on a fast machine and 6 s on a loaded one, so no
 * count of pulses during it holds everywhere): a frozen window never gets there.
 */
class BigSceneUiTest extends ConsoleUiTest {
    private static final String SCENE = """
            <mujoco model="big-ball">
              <worldbody>
                <geom type="plane" size="5 5 0.1"/>
                <body pos="0 0 2">
                  <freejoint/>
                  <geom type="sphere" size="0.2"/>
                </body>
              </worldbody>
            </mujoco>
            """;
    /** Held open until the test has watched the window work while the compile waits. */
    private final CountDownLatch compileMayFinish = new CountDownLatch(1);

    @Override
    ConsoleServices startServices() {
        SceneCompiler compiler = new SceneCompiler();
        return ConsoleServices.start(options(), LiveRendering::start, source -> {
            try {
                if (!compileMayFinish.await(2, TimeUnit.MINUTES)) {
                    throw new AssertionError("the test never let the compile finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return compiler.compile(source);
        });
    }

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
        PulsesWhileLoading watch = fx(() -> {
            PulsesWhileLoading timer = new PulsesWhileLoading(lookup("#status-progress", Node.class),
                    lookup("#status-time", Label.class));
            timer.start();
            return timer;
        });

        dialogs.choosing(file);
        press(KeyCode.CONTROL, KeyCode.O);
        // A frozen window would show the spinner for one or two pulses at most, with one time in the status bar.
        awaitFx("pulses and simulation times while the spinner shows",
                () -> watch.pulses >= 10 && watch.timesShown.size() >= 5);
        compileMayFinish.countDown();

        Eventually.await("the big model to run", () -> snapshot().sceneId().equals("big-ball"),
                Duration.ofSeconds(60));
        awaitFx("the spinner to go", () -> !lookup("#status-progress", Node.class).isVisible());
        fx(() -> {
            watch.stop();
            return null;
        });
        double time = snapshot().time();
        Eventually.await("the big model's time to advance", () -> snapshot().time() > time);
    }
}
