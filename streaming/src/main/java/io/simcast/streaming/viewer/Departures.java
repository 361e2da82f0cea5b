package io.simcast.streaming.viewer;

import java.util.concurrent.CompletableFuture;

/** Ends a viewer; {@link Viewers} does it, and the parts that decide a viewer must go call it. Any thread. */
@FunctionalInterface
interface Departures {
    /**
     * Ends {@code viewer} once, whoever asks first: its place, its channel (told {@code reason}, or nothing when null)
     * and its connection.
     *
     * @param reconnect whether its page may come back by itself
     * @return completes when its connection is torn down
     */
    CompletableFuture<Void> end(Viewer viewer, String reason, boolean reconnect);
}
