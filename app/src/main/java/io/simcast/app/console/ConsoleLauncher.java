package io.simcast.app.console;

import io.simcast.app.console.files.FxDialogService;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the console from the command line: the services on the calling thread (main), the window on the JavaFX
 * thread; returns once the window has closed and everything has stopped.
 */
public final class ConsoleLauncher {
    private static final Logger log = LoggerFactory.getLogger(ConsoleLauncher.class);
    /** How long the window settles (layout, colours, first snapshots) before a screenshot is taken. */
    private static final Duration SCREENSHOT_DELAY = Duration.seconds(2);

    private ConsoleLauncher() {}

    /** Whether a window can open: an X11 or Wayland display is named. */
    public static boolean displayAvailable(Map<String, String> environment) {
        return !environment.getOrDefault("DISPLAY", "").isBlank()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /**
     * Runs the console until its window closes.
     *
     * @param options what to start with and how to share
     * @param screenshot when not null, a PNG of the settled window is written there and the console closes
     * @return the process exit code
     */
    public static int run(ConsoleOptions options, Path screenshot) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ConsoleServices services = ConsoleServices.start(options)) {
            Platform.startup(() -> {
                try {
                    Stage stage = new Stage();
                    stage.setOnHidden(event -> closed.countDown());
                    Console console = new Console(stage, services, FxDialogService::new, Console.AUTOSAVE_PERIOD);
                    console.show();
                    if (screenshot != null) {
                        PauseTransition settle = new PauseTransition(SCREENSHOT_DELAY);
                        settle.setOnFinished(event -> WindowScreenshot.save(stage.getScene(), screenshot, services.io())
                                .whenComplete((file, error) -> Platform.runLater(() -> {
                                    failure.compareAndSet(null, error);
                                    console.close();
                                })));
                        settle.play();
                    }
                } catch (RuntimeException | Error e) {
                    failure.set(e);
                    closed.countDown();
                }
            });
            closed.await();
            Platform.exit();
        }
        if (failure.get() != null) {
            log.error("The console failed", failure.get());
            return 1;
        }
        return 0;
    }
}
