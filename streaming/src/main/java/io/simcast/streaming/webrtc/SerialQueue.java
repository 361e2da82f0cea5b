package io.simcast.streaming.webrtc;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * One connection's operations, run one at a time in the order they were submitted, the way Pion gives each
 * PeerConnection its own operations queue: an operation submitted to an idle queue starts a drain on the executor,
 * and the drain runs operations until the queue is empty. Queues share nothing but their executor, so an operation
 * that waits (an SDP step libwebrtc is slow to finish) holds up only the operations behind it on its own queue, never
 * another connection's.
 *
 * <p>Submit from any thread, libwebrtc's callbacks included: submitting never blocks. Each operation sees everything
 * the operations before it did (the queue's lock orders them), even when the drains run on different threads.
 */
public final class SerialQueue {
    private final Executor executor;
    private final ArrayDeque<Runnable> operations = new ArrayDeque<>();
    private boolean draining;

    public SerialQueue(Executor executor) {
        this.executor = executor;
    }

    /**
     * A queue whose drains run on virtual threads named {@code name}: an operation that waits for libwebrtc parks its
     * virtual thread and holds no platform thread, however many connections wait at once.
     */
    public static SerialQueue named(String name) {
        ThreadFactory threads = Thread.ofVirtual().name(name).factory();
        return new SerialQueue(drain -> threads.newThread(drain).start());
    }

    /** Runs {@code operation} after everything submitted before it; its result or failure completes the future. */
    public <T> CompletableFuture<T> submit(Callable<T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(() -> {
            try {
                result.complete(operation.call());
            } catch (Throwable failure) { // webrtc-java reports some native failures as java.lang.Error
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private void enqueue(Runnable operation) {
        synchronized (operations) {
            operations.addLast(operation);
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (operations) {
                next = operations.pollFirst();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            next.run();
        }
    }
}
