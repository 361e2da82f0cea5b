package io.simcast.sim.rl;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.physics.SimulationSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A live, read-only view of one environment copy, the hook a renderer uses to draw a policy while it trains.
 *
 * <p>{@link #get()} has the contract of {@code Simulation.snapshot()}: the newest {@link SimulationSnapshot} (scene
 * with its model, qpos, qvel, ctrl, mocap poses where task targets live, time), never null, never blocking, safe
 * from any thread. While the watch is open the copy publishes after every step; closed, it publishes only at
 * resets again. A reader that needs the native model calls {@code snapshot.scene().model().tryRetain()}, which
 * fails once the environment was closed and its model freed. As a {@link SimulationSource} a renderer can draw it;
 * it refuses every command, since only the environment's own steps may move a copy.
 */
public final class CopyWatch implements Supplier<SimulationSnapshot>, SimulationSource, AutoCloseable {
    private final LiveCopy live;
    private final AtomicBoolean closed = new AtomicBoolean();

    CopyWatch(LiveCopy live) {
        this.live = live;
        live.addWatcher();
    }

    @Override
    public SimulationSnapshot get() {
        return live.latest();
    }

    @Override
    public SimulationSnapshot snapshot() {
        return live.latest();
    }

    @Override
    public CompletableFuture<SimulationSnapshot> submit(SimCommand command) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(RlMessages.watchIsReadOnly()));
    }

    /** Stops the per-step publishing this watch asked for (idempotent). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            live.removeWatcher();
        }
    }
}
