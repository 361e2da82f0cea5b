package io.simcast.sim.core;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How glibc's malloc treats the big blocks a scene brings: MuJoCo allocates each {@code mjData} as a 10 MiB stack and
 * a buffer of a few MiB, one for the physics thread, the renderer and each state probe, and frees them when the scene
 * is replaced. glibc maps blocks over its mmap threshold (128 KiB at first) and unmaps them at free, but the first
 * such free raises the threshold to the freed size (up to 32 MiB): from then on these blocks come from the malloc
 * heaps, and what a replaced scene freed stays resident until a trim (measured: 556 -> 645 MiB over 30 replacements,
 * all of it free memory, docs/PERFORMANCE.md "Scene replacements"). A fixed threshold of {@value #MMAP_THRESHOLD}
 * bytes keeps every block that size mapped, so its pages go back to the system the moment MuJoCo frees it; per-frame
 * buffers stay below it (a 1080p I420 frame is 3 MiB) and keep coming from the heaps. Fixing one threshold stops
 * glibc from moving the other: the trim threshold (free memory at the top of a heap that a free gives back) is set
 * to twice the mmap threshold, the ratio glibc keeps itself, so a frame buffer freed at the top of a heap is not
 * given back and faulted in again for the next frame.
 *
 * <p>An operator's own {@code MALLOC_MMAP_THRESHOLD_} or {@code MALLOC_TRIM_THRESHOLD_} wins. Nothing happens where
 * the C library has no {@code mallopt} (not glibc). Any thread, once per process; idempotent.
 */
public final class NativeHeap {
    private static final Logger log = LoggerFactory.getLogger(NativeHeap.class);
    /** Blocks this size or larger are mapped on their own. */
    static final int MMAP_THRESHOLD = 4 << 20;
    /** Free memory at the top of a heap that glibc keeps rather than give back at once. */
    static final int TRIM_THRESHOLD = 2 * MMAP_THRESHOLD;
    /** glibc's {@code mallopt} parameters. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static Boolean fixed;

    private NativeHeap() {}

    /**
     * Fixes glibc's mmap and trim thresholds (see the class comment) unless the environment sets them.
     *
     * @return whether this process now runs with Simcast's mmap threshold (false: the operator's own, or no glibc)
     */
    public static synchronized boolean fixMmapThreshold() {
        if (fixed == null) {
            fixed = System.getenv("MALLOC_MMAP_THRESHOLD_") == null && mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                    && (System.getenv("MALLOC_TRIM_THRESHOLD_") != null || mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD));
        }
        return fixed;
    }

    private static boolean mallopt(int parameter, int value) {
        Optional<MethodHandle> mallopt = mallopt();
        if (mallopt.isEmpty()) {
            log.debug("No mallopt in this C library: the native heap keeps its own policy");
            return false;
        }
        try {
            if ((int) mallopt.get().invokeExact(parameter, value) == 1) {
                return true;
            }
            log.warn("glibc refused mallopt({}, {}): a replaced scene's memory goes back to the system only with"
                    + " the periodic trim", parameter, value);
        } catch (Throwable e) {
            log.warn("Could not call glibc's mallopt ({}): a replaced scene's memory goes back to the system only"
                    + " with the periodic trim", e.toString());
        }
        return false;
    }

    private static Optional<MethodHandle> mallopt() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("mallopt").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)));
    }
}
