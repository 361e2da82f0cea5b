package io.simcast.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * CPU time used by this process's live threads, all together. Benchmarks report it next to wall time: on a machine
 * that other work shares, wall time says how fast it went, CPU time how much work it cost. Summed per thread
 * because the per-thread clocks count nanoseconds while the process clock counts 10 ms ticks. Any thread.
 */
final class CpuClock {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CpuClock() {}

    /** CPU nanoseconds of the live threads (only differences mean anything; threads that end take theirs along). */
    static long nanos() {
        long total = 0;
        for (long time : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) {
            total += Math.max(time, 0); // -1 for a thread that ended meanwhile
        }
        return total;
    }
}
