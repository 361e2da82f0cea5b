package io.simcast.app.console.session;

import io.simcast.sim.physics.SimulationSnapshot;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Reads the newest snapshot once per JavaFX pulse (a volatile read, never a wait) and hands it to the console's
 * view-models when it is new. Started, stopped and run on the JavaFX thread.
 */
public final class SnapshotPoller extends AnimationTimer {
    private final SimulationSession session;
    private final List<Consumer<SimulationSnapshot>> consumers;
    private long lastSequence = -1;

    public SnapshotPoller(SimulationSession session, List<Consumer<SimulationSnapshot>> consumers) {
        this.session = session;
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public void handle(long now) {
        SimulationSnapshot snapshot = session.snapshot();
        if (snapshot.sequence() != lastSequence) {
            lastSequence = snapshot.sequence();
            consumers.forEach(consumer -> consumer.accept(snapshot));
        }
    }
}
