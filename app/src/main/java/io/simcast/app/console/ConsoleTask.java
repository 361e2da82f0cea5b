package io.simcast.app.console;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Work a console run does once its window shows instead of waiting for the operator: a screenshot for the README,
 * {@code simcast bench console}. Runs on its own thread, {@code simcast-console-task}, never the JavaFX thread; the
 * console closes when it returns or throws.
 */
@FunctionalInterface
public interface ConsoleTask {
    void run(Stage stage, Console console, ConsoleServices services) throws Exception;

    /** Runs {@code action} on the JavaFX thread and waits for its result; from a task's thread only. */
    static <T> T onFxThread(Callable<T> action) throws InterruptedException, ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
