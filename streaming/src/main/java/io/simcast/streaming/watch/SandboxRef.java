package io.simcast.streaming.watch;

import io.simcast.streaming.WatchRef;

/**
 * A published sandbox, as a viewer asks to watch it ({@link WatchSources}). Immutable.
 *
 * @param id the sandbox's id, as the {@code sources} message lists it
 */
public record SandboxRef(String id) implements WatchRef {
    /** Its source name in {@code watch} messages. */
    public static final String SANDBOX = "sandbox";

    @Override
    public String source() {
        return SANDBOX;
    }

    /** {@code sandbox sb-1a2b3c}: how statistics name it. */
    @Override
    public String toString() {
        return SANDBOX + " " + id;
    }
}
