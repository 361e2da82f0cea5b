package io.simcast.app.console;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something another thread does (compiling, physics, disk), failing with a description when it never happens. */
public final class Eventually {
    private static final Duration DEFAULT = Duration.ofSeconds(120); // a hang guard: a loaded box is slow, never wrong

    private Eventually() {}

    public static void await(String what, BooleanSupplier condition) {
        await(what, condition, DEFAULT);
    }

    public static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Waits until {@code value} gives something other than null, and returns it. */
    public static <T> T awaitValue(String what, Supplier<T> value) {
        Object[] found = new Object[1];
        await(what, () -> (found[0] = value.get()) != null);
        @SuppressWarnings("unchecked")
        T result = (T) found[0];
        return result;
    }
}
