package io.simcast.streaming.signaling;

import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.physics.PanelSampler;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationEvent;
import io.simcast.sim.physics.SimulationListener;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.rl.RlSessions;
import io.simcast.streaming.watch.WatchSources;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Tells every open signalling socket what changed: the simulation's state twice a second, the panels' values
 * ({@link PanelSample}) ten times a second, a new scene and its model the moment it is loaded (the views follow on their own, nobody reconnects), resets and divergences, and the RL environments
 * and sandboxes a viewer may watch whenever one opens or closes. It also counts the sockets whose page shows
 * simulate's profiler, so that MuJoCo times its stages only while one does ({@link SimCommand.WatchProfiler}).
 * Simulation events arrive
 * on {@code simcast-sim-events}; the state ticks on {@code simcast-state-broadcast}; sockets are added and removed
 * from Undertow threads; environment lists arrive from whichever thread opened or closed one.
 */
public final class SignalingHub implements SimulationListener, AutoCloseable {
    private static final long STATE_PERIOD_MILLIS = 500;
    /** The panels' stream: 10 Hz, never per frame. */
    private static final long PANEL_PERIOD_MILLIS = 100;

    private final Simulation simulation;
    private final IntSupplier viewerCount;
    private final Set<SocketChannel> sockets = ConcurrentHashMap.newKeySet();
    private final Set<SocketChannel> profiling = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private final PanelSampler panels;
    private volatile Outgoing.Environments environments = Outgoing.Environments.of(List.of());
    private volatile Outgoing.Sources sources = Outgoing.Sources.of(List.of());

    /** @param drawing the renderer's figures for the profiler ({@code Renderer.drawing}) */
    public SignalingHub(Simulation simulation, IntSupplier viewerCount, Supplier<PanelSample.Drawing> drawing) {
        this.simulation = simulation;
        this.viewerCount = viewerCount;
        this.panels = new PanelSampler(simulation, drawing);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simcast-state-broadcast");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> broadcast(state()), STATE_PERIOD_MILLIS, STATE_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(this::broadcastPanel, PANEL_PERIOD_MILLIS, PANEL_PERIOD_MILLIS,
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

    /** The sandboxes people may watch changed; every page's Watch list is updated. Any thread. */
    public void sources(List<WatchSources.Entry> open) {
        Outgoing.Sources message = Outgoing.Sources.of(open);
        sources = message;
        broadcast(message);
    }

    /** The sandboxes people may watch, for a page that just connected. */
    Outgoing.Sources sources() {
        return sources;
    }

    void add(SocketChannel socket) {
        sockets.add(socket);
    }

    void remove(SocketChannel socket) {
        sockets.remove(socket);
        watchProfiler(socket, false);
    }

    /** {@code socket}'s page shows ({@code true}) or hid simulate's profiler; repeats change nothing. Any thread. */
    void watchProfiler(SocketChannel socket, boolean watching) {
        if (watching ? profiling.add(socket) : profiling.remove(socket)) {
            simulation.submit(new SimCommand.WatchProfiler(watching));
        }
    }

    /** The state message for now. Any thread. */
    Outgoing.State state() {
        SimulationSnapshot snapshot = simulation.snapshot();
        return new Outgoing.State(snapshot.playing(), snapshot.speed(), snapshot.time(), snapshot.realTimeFactor(),
                viewerCount.getAsInt(), snapshot.selectedBody().orElse(""));
    }

    /** The scene message for now. Any thread. */
    Outgoing.Scene scene() {
        SimulationSnapshot snapshot = simulation.snapshot();
        return Outgoing.Scene.of(snapshot.scene(), snapshot.sceneGeneration());
    }

    /** The running model as data, for a page that just connected. Any thread. */
    Outgoing.Model model() {
        SimulationSnapshot snapshot = simulation.snapshot();
        return new Outgoing.Model(snapshot.sceneGeneration(), snapshot.scene().model().description());
    }

    /** The panels' values now (a forward pass on the sampler's own copy of the state). Any thread. */
    public PanelSample panel() {
        return panels.sample();
    }

    private void broadcastPanel() {
        if (!sockets.isEmpty()) {
            broadcast(new Outgoing.Panel(panels.sample()));
        }
    }

    @Override
    public void onEvent(SimulationEvent event) {
        switch (event) {
            case SimulationEvent.SceneLoaded loaded -> {
                broadcast(Outgoing.Scene.of(loaded.scene(), loaded.generation()));
                broadcast(model());
            }
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
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS); // the sampler's probe is freed after its last read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        panels.close();
    }
}
