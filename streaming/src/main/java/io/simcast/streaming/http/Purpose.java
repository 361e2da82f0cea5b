package io.simcast.streaming.http;

import java.util.Locale;

/**
 * What a route does, declared next to it in the route table so that access rules can be attached per purpose
 * rather than per path: {@link #READ} what any viewer may see, {@link #CONTROL} what changes what runs (a controller
 * or the operator), {@link #CONFIGURE} what changes the host's own settings and secrets (the operator only).
 * Immutable.
 */
public enum Purpose {
    /** Reads state; viewers may call it. */
    READ,
    /** Changes what runs: scenes, RL environments, what a viewer watches; controllers and the operator. */
    CONTROL,
    /** Changes the host's settings or secrets (API keys); the operator only. */
    CONFIGURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
