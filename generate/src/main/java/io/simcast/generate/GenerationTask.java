package io.simcast.generate;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A generation in progress: its result, and the way to stop it. {@link #result()} completes with the
 * {@link GeneratedScene}, or exceptionally with a {@link GenerationException} (the message is for the operator), or is
 * cancelled. Thread-safe: any thread may cancel.
 */
public final class GenerationTask {
    private final CompletableFuture<GeneratedScene> result = new CompletableFuture<>();
    private volatile Thread worker;
    private volatile boolean cancelled;

    GenerationTask() {
        // Cancelling the future (here or by a caller holding it) is cancelling the generation.
        result.whenComplete((scene, error) -> {
            if (error instanceof CancellationException) {
                stop();
            }
        });
    }

    /** Completes when generation ends; {@code result().cancel(true)} is the same as {@link #cancel()}. */
    public CompletableFuture<GeneratedScene> result() {
        return result;
    }

    /**
     * Stops generation: the provider call in flight is interrupted, no further attempt starts, and {@link #result()}
     * completes as cancelled at once. A scene that compiles after this is released, never delivered.
     */
    public void cancel() {
        result.cancel(true);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void runOn(Thread thread) {
        worker = thread;
        if (cancelled) {
            thread.interrupt();
        }
    }

    /** Delivers the scene; false when the task was cancelled first (the caller then releases the scene). */
    boolean succeed(GeneratedScene scene) {
        return result.complete(scene);
    }

    void fail(GenerationException failure) {
        result.completeExceptionally(failure);
    }

    private void stop() {
        cancelled = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
