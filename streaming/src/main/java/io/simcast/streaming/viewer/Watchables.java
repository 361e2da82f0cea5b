package io.simcast.streaming.viewer;

import io.simcast.sim.render.View;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.rl.CopyViews;
import io.simcast.streaming.watch.SandboxRef;
import io.simcast.streaming.watch.WatchSources;
import java.util.concurrent.CompletableFuture;

/**
 * What a viewer may watch besides the simulation, one door for each kind: RL environment copies ({@link CopyViews})
 * and published sandboxes ({@link WatchSources}). Each {@link #acquire} is matched by one {@link #release}. Any
 * thread.
 */
record Watchables(CopyViews copies, WatchSources sandboxes) {
    /** The view of {@code ref} for one more viewer; fails with the reason for the viewer. */
    CompletableFuture<View> acquire(WatchRef ref) {
        return switch (ref) {
            case CopyRef copy -> copies.acquire(copy);
            case SandboxRef sandbox -> sandboxes.acquire(sandbox);
            default -> throw new IllegalArgumentException("Nothing to watch as " + ref);
        };
    }

    void release(WatchRef ref) {
        switch (ref) {
            case CopyRef copy -> copies.release(copy);
            case SandboxRef sandbox -> sandboxes.release(sandbox);
            default -> throw new IllegalArgumentException("Nothing to watch as " + ref);
        }
    }

    /** Throws the reason for the viewer unless {@code ref} is still there (it may close while a switch waits). */
    void requireOpen(WatchRef ref) {
        switch (ref) {
            case CopyRef copy -> copies.requireOpen(copy.env());
            case SandboxRef sandbox -> sandboxes.requireOpen(sandbox);
            default -> throw new IllegalArgumentException("Nothing to watch as " + ref);
        }
    }
}
