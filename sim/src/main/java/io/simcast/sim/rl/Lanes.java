package io.simcast.sim.rl;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs one piece of work for every environment copy, the copies split into contiguous ranges ("lanes") that run in
 * parallel. Lane 0 runs on the calling thread; every other lane has its own platform thread
 * (named after the environment, {@code simcast-rl-N-lane-K}) that always gets the same copies, so each copy's native data stays with one thread.
 *
 * <p>{@link #forEach} is called by one thread at a time (the {@link VectorEnv} holding its lock) and returns when
 * every lane is done: what the lanes wrote is then visible to the caller. Lane threads only wait (parked) between
 * calls. With one lane there are no threads at all.
 */
final class Lanes implements AutoCloseable {
    private final Worker[] workers;
    private final int firstLaneEnd;
    private volatile Thread caller;
    private volatile boolean closing;

    /** {@code lanes} lanes over {@code copies} copies (at most one lane per copy). */
    Lanes(int copies, int lanes, String name) {
        int count = Math.max(1, Math.min(lanes, copies));
        this.firstLaneEnd = end(0, copies, count);
        this.workers = new Worker[count - 1];
        for (int lane = 1; lane < count; lane++) {
            workers[lane - 1] = new Worker(end(lane - 1, copies, count), end(lane, copies, count),
                    name + "-lane-" + lane);
        }
    }

    /** Where lane {@code lane} ends: copies are shared out as evenly as they go. */
    private static int end(int lane, int copies, int lanes) {
        return (int) ((long) copies * (lane + 1) / lanes);
    }

    int count() {
        return workers.length + 1;
    }

    /** Runs {@code work} for every copy index; rethrows the first failure of any lane after all have finished. */
    void forEach(IntConsumer work) {
        caller = Thread.currentThread();
        for (Worker worker : workers) {
            worker.job = work;
            LockSupport.unpark(worker.thread);
        }
        Throwable failure = null;
        try {
            for (int i = 0; i < firstLaneEnd; i++) {
                work.accept(i);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Worker worker : workers) {
            while (worker.job != null) {
                LockSupport.park(this);
            }
            if (failure == null && worker.failure != null) {
                failure = worker.failure;
            }
            worker.failure = null;
        }
        switch (failure) {
            case null -> { }
            case Error error -> throw error;
            default -> throw (RuntimeException) failure;
        }
    }

    /** Stops the lane threads and waits for them. */
    @Override
    public void close() {
        closing = true;
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
            try {
                worker.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Worker implements Runnable {
        private final int from;
        private final int to;
        private final Thread thread;
        /** Set by the caller, cleared by the worker when done (the volatile write publishes its results). */
        private volatile IntConsumer job;
        private volatile Throwable failure;

        Worker(int from, int to, String name) {
            this.from = from;
            this.to = to;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            while (!closing) {
                IntConsumer work = job;
                if (work == null) {
                    LockSupport.park(this);
                    continue;
                }
                try {
                    for (int i = from; i < to; i++) {
                        work.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e; // handed to the caller, whose thread goes on
                }
                job = null;
                LockSupport.unpark(caller);
            }
        }
    }
}
