package io.simcast.sim.core;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a minute, while the machine is idle, asks glibc to give the freed memory in its heaps back to the system
 * ({@code malloc_trim}): mostly what start-up left behind (compiling scenes, LLVM compiling llvmpipe's shaders, the
 * JIT's arenas), 25-30 MiB of an idle host. It replaces the JVM's {@code -XX:TrimNativeHeapInterval}, which trims
 * whatever the load: a trim holds each malloc arena's lock while it walks it, every thread that calls malloc
 * meanwhile waits, and on a busy machine (load 27 on two cores) one trim took 1.7 s and stopped the physics thread
 * for as long (docs/PERFORMANCE.md, "The hour on main"). Idle means a 1-minute load average under 1, the threshold
 * G1's periodic collection is given too (scripts/env.sh). Thread {@code simcast-native-trim}, one per process.
 */
public final class IdleTrim {
    private static final Logger log = LoggerFactory.getLogger(IdleTrim.class);
    static final long INTERVAL_MILLIS = 60_000;
    /** The 1-minute load average under which the machine counts as idle. */
    static final double IDLE_LOAD = 1.0;
    private static boolean started;

    private final DoubleSupplier loadAverage;
    private final BooleanSupplier trim;

    IdleTrim(DoubleSupplier loadAverage, BooleanSupplier trim) {
        this.loadAverage = loadAverage;
        this.trim = trim;
    }

    /** Starts the trimming thread unless it runs already, or glibc (and so {@code malloc_trim}) is missing. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Optional<MethodHandle> mallocTrim = mallocTrim();
        if (mallocTrim.isEmpty()) {
            log.debug("No malloc_trim in this C library: freed native memory stays with the process");
            return;
        }
        IdleTrim idleTrim = new IdleTrim(ManagementFactory.getOperatingSystemMXBean()::getSystemLoadAverage,
                () -> call(mallocTrim.get()));
        Thread.ofPlatform().name("simcast-native-trim").daemon().start(idleTrim::loop);
    }

    /**
     * One minute's turn: trims when the load average is under {@link #IDLE_LOAD} (or unknown, where the JVM's own
     * trim would have run too).
     *
     * @return whether it trimmed
     */
    boolean turn() {
        double load = loadAverage.getAsDouble();
        if (load >= IDLE_LOAD) {
            return false;
        }
        trim.getAsBoolean();
        return true;
    }

    private void loop() {
        try {
            while (true) {
                Thread.sleep(INTERVAL_MILLIS);
                turn();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean call(MethodHandle mallocTrim) {
        try {
            return (int) mallocTrim.invokeExact(0L) == 1;
        } catch (Throwable e) {
            log.warn("glibc's malloc_trim failed ({}): freed native memory stays with the process", e.toString());
            return false;
        }
    }

    private static Optional<MethodHandle> mallocTrim() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("malloc_trim").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)));
    }
}
