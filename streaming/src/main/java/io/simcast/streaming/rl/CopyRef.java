package io.simcast.streaming.rl;

import io.simcast.streaming.WatchRef;

/**
 * One copy of one RL environment, as a viewer asks to watch it. Immutable.
 *
 * @param env the environment's id ({@code GET /api/rl})
 * @param copy the copy's index, from 0
 */
public record CopyRef(String env, int copy) implements WatchRef {
    /** Its source name in {@code watch} messages. */
    public static final String RL = "rl";

    @Override
    public String source() {
        return RL;
    }

    /** {@code rl-3/0}: how statistics name it. */
    @Override
    public String toString() {
        return env + "/" + copy;
    }
}
