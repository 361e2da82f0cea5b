package io.simcast.streaming.rl;

import io.simcast.streaming.StreamingMessages;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many RL copies may be drawn at once, viewers' and {@code rgb_array} frames' together: each drawn copy holds a
 * renderer with its own GL context and thread, which software rendering affords only a few of. The host's setting
 * {@code RL_MAX_RENDERED_COPIES}. Thread-safe.
 */
public final class RendererBudget {
    private final int max;
    private final AtomicInteger used = new AtomicInteger();

    public RendererBudget(int max) {
        this.max = max;
    }

    /**
     * Takes one renderer's place.
     *
     * @throws IllegalStateException saying the limit and how to raise it when none is left
     */
    void acquire() {
        if (used.incrementAndGet() > max) {
            used.decrementAndGet();
            throw new IllegalStateException(StreamingMessages.tooManyWatchedCopies(max));
        }
    }

    /** Gives one place back. */
    void release() {
        used.decrementAndGet();
    }
}
