package io.simcast.streaming.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.View;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.input.ViewerInput;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.watch.SandboxRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewers, whichever door they came through (signalling, WHEP, REST): what those doors call, handed to the part
 * whose job it is, and the viewer's life cycle (admitted, ended once, whoever ends it). The parts, each with its own
 * thread:
 *
 * <ul>
 *   <li>{@link Admission}: who gets in (the host's limit, each share link's) and how much each may send; any thread;
 *   <li>{@link Connections}: answers, candidates, track swaps, statistics and teardown, each viewer's on its own
 *       serial queue ({@code simcast-viewer-<id>}), the one writer of what it watches;
 *   <li>{@link InputDispatch}: input applied on {@code simcast-input}, viewers taking turns;
 *   <li>{@link ViewerMonitor}: statistics, silence, failure and expiry on {@code simcast-viewer-monitor}.
 * </ul>
 *
 * A viewer ends when its socket closes, its WHEP session is deleted, its connection fails or goes silent, its share
 * link is revoked or expires, it misbehaves, or the operator ends it. When WebRTC or the renderer is missing
 * ({@link Video.Unavailable}), viewers are refused with that reason and nothing else changes.
 */
public final class Viewers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Viewers.class);
    /** How long closing waits for connections: longer than one SDP step's limit. */
    private static final long CLOSE_SECONDS = 15;

    private final ViewerRegistry registry;
    private final Simulation simulation;
    private final VideoFormat format;
    private final Video video;
    private final Admission admission;
    private final InputDispatch input;
    private final ViewerMonitor monitor;
    private final Optional<Connections> connections;

    public Viewers(ViewerRegistry registry, Gatekeeper gatekeeper, Video video, Simulation simulation,
                   VideoFormat format) {
        this.registry = registry;
        this.simulation = simulation;
        this.format = format;
        this.video = video;
        this.admission = new Admission(registry, gatekeeper, video.problem(), this::end);
        this.input = new InputDispatch(admission);
        this.monitor = new ViewerMonitor(registry, gatekeeper.links(), viewer -> connections().stats(viewer),
                this::end);
        this.connections = switch (video) {
            case Video.Available available -> Optional.of(new Connections(available.sessions(), available.feeds(),
                    new Watchables(available.copies(), available.sandboxes()),
                    viewer -> new SessionEvents(viewer, monitor, admission, input), monitor));
            case Video.Unavailable ignored -> Optional.empty();
        };
        gatekeeper.links().onRevoke(linkId -> endLink(linkId, StreamingMessages.linkRevoked()));
    }

    /**
     * Admits a viewer with the grant it presented, or says why not. Any thread.
     *
     * @param address where it connects from ({@code ClientAddress}), for the cap per address
     */
    public Viewer admit(Door door, ViewMode mode, ViewerChannel channel, Grant grant, String address)
            throws ViewerRefusedException {
        return admission.admit(door, mode, channel, grant, address,
                viewer -> new ViewerInput(simulation, format, connections().claims(viewer),
                        steered -> steered.view().cameraPose().thenAccept(viewer.channel()::camera)));
    }

    /**
     * Answers the viewer's offer with the video of the view its mode asks for; with {@code gatherAll} (WHEP) the
     * answer carries every local candidate. Any thread; the work runs on the viewer's queue.
     *
     * @return completes with the answer SDP, or exceptionally with IllegalArgumentException (bad offer) or
     *     IllegalStateException (already connected, or closed)
     */
    public CompletableFuture<String> connect(Viewer viewer, String offer, boolean gatherAll) {
        return connections().connect(viewer, offer, gatherAll);
    }

    /** A connected viewer's ICE-restart offer: completes with the answer SDP. Any thread. */
    public CompletableFuture<String> restart(Viewer viewer, String offer) {
        return connections().restart(viewer, offer);
    }

    /** A remote ICE candidate from the viewer. Any thread. */
    public void addCandidate(Viewer viewer, String candidate, String sdpMid, int sdpMLineIndex) {
        connections().addCandidate(viewer, candidate, sdpMid, sdpMLineIndex);
    }

    /**
     * Switches the viewer between its own camera and the host's view (or back to the simulation from an RL copy),
     * without renegotiating. Any thread; the work runs on the viewer's queue.
     */
    public CompletableFuture<ViewMode> switchView(Viewer viewer, ViewMode mode) {
        return connections().switchView(viewer, mode);
    }

    /** The viewer watches the simulation again (after an RL copy or a sandbox), in its view mode. Any thread. */
    public CompletableFuture<ViewMode> watchSimulation(Viewer viewer) {
        return connections().watchSimulation(viewer);
    }

    /**
     * Switches the viewer to the live picture of an RL environment copy or a sandbox. Any thread.
     *
     * @return completes with {@code ref}, or exceptionally with the reason for the viewer (no such environment, copy
     *     or sandbox, too many copies watched, not connected)
     */
    public CompletableFuture<WatchRef> watch(Viewer viewer, WatchRef ref) {
        return connections().watch(viewer, ref);
    }

    /**
     * Switches the viewer to {@code ref}, or to the simulation when empty, as a {@code watch} request asks.
     *
     * @return completes with what it watches now (null: the simulation)
     */
    public CompletableFuture<WatchRef> watch(Viewer viewer, Optional<WatchRef> ref) {
        return ref.isPresent() ? watch(viewer, ref.get()) : watchSimulation(viewer).thenApply(mode -> null);
    }

    /**
     * The viewer plays the host's broadcast from the SFU: it needs no connection of its own until it offers again.
     * Any thread.
     */
    public void joinAudience(Viewer viewer) {
        connections().joinAudience(viewer);
    }

    /**
     * The view viewer {@code id} watches now (its own, the shared one, or an RL copy's), for recording it; empty when
     * there is no such viewer or it watches nothing on this host. Any thread.
     */
    public CompletableFuture<Optional<View>> viewOf(String id) {
        return registry.find(id).flatMap(viewer -> connections.map(open -> open.viewOf(viewer)))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }

    /**
     * Sends every viewer watching a copy of environment {@code env} back to the simulation, telling it
     * {@code reason}. Called by whoever closed the environment, after it was closed.
     */
    public void environmentClosed(String env, String reason) {
        connections.ifPresent(open -> open.sendBack(registry.all(),
                ref -> ref instanceof CopyRef copy && copy.env().equals(env), reason));
    }

    /**
     * Sends every viewer watching sandbox {@code ref} back to the simulation, telling it {@code reason}. Called by
     * whoever withdrew it, before its renderer closes.
     *
     * @return completes when they are back
     */
    public CompletableFuture<Void> sandboxWithdrawn(SandboxRef ref, String reason) {
        return connections.map(open -> open.sendBack(registry.all(), ref::equals, reason))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /**
     * Counts one message of the viewer against its rate; a flooder is told, then disconnected. Any thread.
     *
     * @return whether to handle the message
     */
    public boolean accept(Viewer viewer) {
        return admission.accept(viewer);
    }

    /** Refuses one message of the viewer, saying why; one that keeps sending such is disconnected. Any thread. */
    public void refuse(Viewer viewer, String code, String message) {
        admission.refuse(viewer, code, message);
    }

    /** One input message: checked against the viewer's role here, applied on the input thread. Any thread. */
    public void input(Viewer viewer, JsonNode message) {
        input.input(viewer, message);
    }

    /**
     * Ends a viewer: its connection, its feed if it was the last to watch it, its place in the registry. The viewer
     * may reconnect by itself. Idempotent; any thread.
     *
     * @param reason what the viewer's channel hears, or null to close it silently (it is already gone)
     */
    public CompletableFuture<Void> close(Viewer viewer, String reason) {
        return end(viewer, reason, true);
    }

    /**
     * Ends the viewer {@code id} at the operator's request (the console's viewers panel): its page hears why and
     * does not reconnect by itself. Any thread.
     *
     * @return completes with false when no such viewer is admitted, else with true once it is torn down
     */
    public CompletableFuture<Boolean> disconnect(String id) {
        return registry.find(id)
                .map(viewer -> end(viewer, StreamingMessages.disconnectedByOperator(), false).thenApply(done -> true))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }

    /** Statistics of every viewer. Any thread; never blocks. */
    public List<ViewerStats> stats() {
        List<ViewerStats> stats = new ArrayList<>();
        for (Viewer viewer : registry.all()) {
            stats.add(viewer.stats());
        }
        return stats;
    }

    public List<Viewer> all() {
        return registry.all();
    }

    public Optional<Viewer> find(String id) {
        return registry.find(id);
    }

    public int count() {
        return registry.count();
    }

    /** Viewers that came through the share link {@code linkId}. */
    public int countFor(String linkId) {
        return registry.countFor(linkId);
    }

    public int limit() {
        return registry.limit();
    }

    /**
     * Closes every viewer and stops the threads, waiting (ten seconds at most) until every connection ended so far is
     * torn down; the feeds and the engine are closed by their owner after, if {@link #connectionsClosed}.
     */
    @Override
    public void close() {
        monitor.close();
        for (Viewer viewer : registry.all()) {
            close(viewer, StreamingMessages.hostStopping());
        }
        connections.ifPresent(open -> {
            try {
                open.tornDown().get(CLOSE_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Viewers' connections did not close within {} s: {}", CLOSE_SECONDS, e.toString());
            }
        });
        input.close();
    }

    /**
     * Whether every ended viewer's connection is torn down, so that nothing uses the feeds' tracks or the WebRTC
     * factory any more and they may be freed. Any thread.
     */
    public boolean connectionsClosed() {
        return connections.map(open -> open.tornDown().isDone()).orElse(true);
    }

    /** The one way a viewer ends ({@link Departures}). */
    private CompletableFuture<Void> end(Viewer viewer, String reason, boolean reconnect) {
        if (!viewer.markClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        registry.remove(viewer);
        if (reason != null) {
            viewer.channel().close(reason, reconnect);
        }
        log.info("Viewer {} left ({}); {} remain", viewer.id(), reason == null ? "disconnected" : reason,
                registry.count());
        return connections.map(open -> open.end(viewer)).orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** Ends every viewer that came through the share link {@code linkId}, saying why. Any thread. */
    private void endLink(String linkId, String reason) {
        for (Viewer viewer : registry.all()) {
            if (linkId.equals(viewer.grant().linkId())) {
                end(viewer, reason, false); // its link no longer opens the door: reconnecting would be refused
            }
        }
    }

    /** Present whenever a viewer exists: nobody is admitted without video. */
    private Connections connections() {
        return connections.orElseThrow(() -> new IllegalStateException(video.problem().orElseThrow()));
    }
}
