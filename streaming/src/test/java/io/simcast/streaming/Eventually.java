package io.simcast.streaming;

/** Waiting in tests for something the host does on its own threads. */
public final class Eventually {
    private Eventually() {}

    /** A check that may throw (an HTTP call, a page script). */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} every 50 ms until it holds. @throws AssertionError after {@code millis} */
    public static void waitFor(Condition condition, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            Thread.sleep(50);
        }
    }
}
