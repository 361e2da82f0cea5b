package io.simcast.app.console;

import io.simcast.app.console.files.FxDialogService;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the console from the command line: the services on the calling thread (main), the window on the JavaFX
 * thread, a {@link ConsoleTask} (when there is one) on {@code simcast-console-task}; returns once the window has
 * closed and everything has stopped.
 */
public final class ConsoleLauncher {
    private static final Logger log = LoggerFactory.getLogger(ConsoleLauncher.class);

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
        return run(options, screenshot == null ? null : new WindowScreenshot(screenshot));
    }

    /**
     * Runs the console until its window closes: until the operator closes it, or, with a {@code task}, until the
     * task is done.
     *
     * @return the process exit code: 1 when the window or the task failed (logged)
     */
    public static int run(ConsoleOptions options, ConsoleTask task) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ConsoleServices services = ConsoleServices.start(options)) {
            Platform.startup(() -> {
                try {
                    Stage stage = new Stage();
                    stage.setOnHidden(event -> closed.countDown());
                    Console console = new Console(stage, services, FxDialogService::new, Console.AUTOSAVE_PERIOD);
                    console.show();
                    if (task != null) {
                        Thread thread = new Thread(() -> {
                            try {
                                task.run(stage, console, services);
                            } catch (Exception | Error e) {
                                failure.compareAndSet(null, e);
                            } finally {
                                Platform.runLater(console::close);
                            }
                        }, "simcast-console-task");
                        thread.setDaemon(true);
                        thread.start();
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
