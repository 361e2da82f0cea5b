package io.simcast.sim.physics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * How long a batch of steps may run before commands are looked at and a snapshot is published. Spent means spent
 * both in wall time and in the physics thread's own CPU time: on a busy machine the OS may hold the thread off a CPU
 * for a quarter of a second (load 25 on two cores, 2026-12-07), and a batch catching up such a stall must not count
 * the time it waited as time it stepped, or the physics concludes it cannot keep up and skips real time it could
 * have caught up in a millisecond. Where the JVM cannot read a thread's CPU time, wall time alone counts. Physics
 * thread only.
 */
final class BatchBudget {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final long nanos;
    private long wallStart;
    private long cpuStart;

    BatchBudget(long nanos) {
        this.nanos = nanos;
    }

    /** A batch begins at {@code now} ({@link System#nanoTime()}). */
    void start(long now) {
        wallStart = now;
        cpuStart = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Whether the batch has used its time; reads the thread's CPU clock only once the wall clock says so. */
    boolean spent() {
        return System.nanoTime() - wallStart > nanos
                && (!CPU_TIME || THREADS.getCurrentThreadCpuTime() - cpuStart > nanos);
    }
}
