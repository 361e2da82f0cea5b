package io.simcast.streaming.signaling;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationEvent;
import io.simcast.sim.physics.SimulationListener;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.rl.RlSessions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Tells every open signalling socket what changed: the simulation's state twice a second, a new scene the moment
 * it is loaded (the views follow on their own, nobody reconnects), resets and divergences, and the RL environments
 * a viewer may watch whenever one opens or closes. Simulation events arrive
 * on {@code simcast-sim-events}; the state ticks on {@code simcast-state-broadcast}; sockets are added and removed
 * from Undertow threads; environment lists arrive from whichever thread opened or closed one.
 */
public final class SignalingHub implements SimulationListener, AutoCloseable {
    private static final long STATE_PERIOD_MILLIS = 500;

    private final Simulation simulation;
    private final IntSupplier viewerCount;
    private final Set<SocketChannel> sockets = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private volatile Outgoing.Environments environments = Outgoing.Environments.of(List.of());

    public SignalingHub(Simulation simulation, IntSupplier viewerCount) {
        this.simulation = simulation;
        this.viewerCount = viewerCount;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simcast-state-broadcast");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> broadcast(state()), STATE_PERIOD_MILLIS, STATE_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        simulation.addListener(this);
    }

    /** The open RL environments changed; every page's picker is updated. Any thread. */
    public void environments(List<RlSessions.Summary> open) {
        Outgoing.Environments message = Outgoing.Environments.of(open);
        environments = message;
        broadcast(message);
    }

    /** The open RL environments, for a page that just connected. */
    Outgoing.Environments environments() {
        return environments;
    }

    void add(SocketChannel socket) {
        sockets.add(socket);
    }

    void remove(SocketChannel socket) {
        sockets.remove(socket);
    }

    /** The state message for now. Any thread. */
    Outgoing.State state() {
        SimulationSnapshot snapshot = simulation.snapshot();
        return new Outgoing.State(snapshot.playing(), snapshot.speed(), snapshot.time(), snapshot.realTimeFactor(),
                viewerCount.getAsInt());
    }

    /** The scene message for now. Any thread. */
    Outgoing.Scene scene() {
        SimulationSnapshot snapshot = simulation.snapshot();
        return Outgoing.Scene.of(snapshot.scene(), snapshot.sceneGeneration());
    }

    @Override
    public void onEvent(SimulationEvent event) {
        switch (event) {
            case SimulationEvent.SceneLoaded loaded ->
                    broadcast(Outgoing.Scene.of(loaded.scene(), loaded.generation()));
            case SimulationEvent.Reset reset -> broadcast(new Outgoing.Event("reset", reset.sceneId(), ""));
            case SimulationEvent.Diverged diverged -> broadcast(
                    new Outgoing.Event("diverged", diverged.sceneId(), diverged.reason()));
        }
        broadcast(state());
    }

    private void broadcast(Object message) {
        String text = Json.write(message); // once for every socket
        for (SocketChannel socket : sockets) {
            socket.sendText(text);
        }
    }

    @Override
    public void close() {
        simulation.removeListener(this);
        ticker.shutdownNow();
    }
}
