package io.simcast.app.console.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** The console's worker threads: one named daemon thread each, stopped with a bounded wait. */
public final class WorkerThreads {
    private static final long STOP_WAIT_SECONDS = 5;

    private WorkerThreads() {}

    /** A thread that runs tasks one at a time, in order. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(daemon(name));
    }

    /** A thread that runs tasks one at a time, some of them later. */
    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemon(name));
    }

    /**
     * Stops {@code executor}: queued (and delayed) work first runs unless {@code now}, for {@value STOP_WAIT_SECONDS}
     * seconds at most. Waits, so never on the JavaFX thread.
     */
    public static void stop(ExecutorService executor, boolean now) {
        if (now) {
            executor.shutdownNow();
        } else {
            executor.shutdown();
        }
        try {
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
