package io.simcast.streaming.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.View;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.access.ShareLink;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.input.InputEvent;
import io.simcast.streaming.input.InputPolicy;
import io.simcast.streaming.input.Steering;
import io.simcast.streaming.input.SteeringProvider;
import io.simcast.streaming.input.ViewerInput;
import io.simcast.streaming.media.Feed;
import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.rl.CopyViews;
import io.simcast.streaming.webrtc.PeerSession;
import io.simcast.streaming.webrtc.PeerState;
import io.simcast.streaming.webrtc.PeerStats;
import io.simcast.streaming.webrtc.WebRtcEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewers' life cycle, whichever door they came through: admission (the host's limit and each share link's),
 * the WebRTC answer, switching between their own view and the host's, input (what their role allows, at a rate that
 * harms nobody else), and cleanup, including when their share link is revoked or expires and when they misbehave.
 *
 * <p>Threads: signalling and WHEP handlers call in from Undertow threads; peer-connection work runs on the engine
 * thread ({@code simcast-webrtc}); input is parsed and checked where it arrives and applied on {@code simcast-input},
 * each viewer's in arrival order, viewers taking turns; {@code simcast-viewer-monitor} samples statistics twice a
 * second and closes viewers whose connection failed, or that went silent or disconnected, within five seconds, and
 * those whose link expired. When WebRTC or the renderer is missing, viewers are refused with that reason and nothing
 * else changes.
 */
public final class Viewers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Viewers.class);
    /** A connected viewer that sends nothing for this long has gone silent (closed tab, lost network). */
    static final long SILENCE_NANOS = 1_500_000_000L;
    /**
     * A viewer silent, disconnected or failed for this long is gone. Silence is noticed within two monitor passes
     * of the last packet, so a vanished viewer is freed in about three seconds, while a short hiccup is forgiven.
     */
    static final long DISCONNECT_GRACE_NANOS = 500_000_000L;
    /** A viewer that has not connected this long after admission (no ICE path) frees its place. */
    static final long CONNECT_TIMEOUT_NANOS = 30_000_000_000L;
    /** A socket that has not offered this long after admission holds a place for nothing: the page offers at once. */
    static final long OFFER_TIMEOUT_NANOS = 10_000_000_000L;
    private static final long MONITOR_PERIOD_MILLIS = 500;
    /** Mailboxes waiting for the input thread: one per viewer at most, so this bound is never reached. */
    private static final int INPUT_BACKLOG = 4096;
    /** Events the input thread takes from one viewer before the next viewer's turn. */
    private static final int INPUT_TURN = 16;

    private final ViewerRegistry registry;
    private final Gatekeeper gatekeeper;
    private final WebRtcEngine engine;
    private final FeedPool feeds;
    private final CopyViews copyViews;
    private final Simulation simulation;
    private final VideoFormat format;
    private final String unavailable;
    private final ExecutorService inputThread;
    private final ScheduledExecutorService monitor;

    /**
     * @param engine null when WebRTC is unavailable
     * @param copyViews the pictures of RL environment copies viewers may watch; null when there is no video
     * @param unavailable why viewers cannot be served (WebRTC or the renderer missing), or null when they can
     */
    public Viewers(ViewerRegistry registry, Gatekeeper gatekeeper, WebRtcEngine engine, FeedPool feeds,
                   CopyViews copyViews,
                   Simulation simulation, VideoFormat format, String unavailable) {
        this.registry = registry;
        this.gatekeeper = gatekeeper;
        this.engine = engine;
        this.feeds = feeds;
        this.copyViews = copyViews;
        this.simulation = simulation;
        this.format = format;
        this.unavailable = unavailable;
        this.inputThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(INPUT_BACKLOG), named("simcast-input"));
        this.monitor = Executors.newSingleThreadScheduledExecutor(named("simcast-viewer-monitor"));
        this.monitor.scheduleWithFixedDelay(this::watch, MONITOR_PERIOD_MILLIS, MONITOR_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        gatekeeper.links().onRevoke(linkId -> endLink(linkId, StreamingMessages.linkRevoked()));
    }

    /**
     * Admits a viewer with the grant it presented, or says why not. Any thread.
     *
     * @param address where it connects from ({@code ClientAddress}), for the cap per address
     */
    public Viewer admit(Door door, ViewMode mode, ViewerChannel channel, Grant grant, String address)
            throws ViewerRefusedException {
        if (unavailable != null) {
            throw new ViewerRefusedException("unavailable", unavailable);
        }
        int linkLimit = grant.linkId() == null ? Integer.MAX_VALUE
                : gatekeeper.links().find(grant.linkId()).map(ShareLink::maxViewers).orElse(0);
        Viewer viewer = registry.admit(door, mode, channel, grant, linkLimit, address);
        viewer.input(new ViewerInput(simulation, format, new Claims(viewer)));
        log.info("Viewer {} admitted through {} as {} ({} of {})", viewer.id(), door.wireName(), grant.describe(),
                registry.count(), registry.limit());
        return viewer;
    }

    /** Ends every viewer that came through the share link {@code linkId}, saying why. Any thread. */
    private void endLink(String linkId, String reason) {
        for (Viewer viewer : registry.all()) {
            if (linkId.equals(viewer.grant().linkId())) {
                close(viewer, reason, false); // its link no longer opens the door: reconnecting would be refused
            }
        }
    }

    /**
     * Answers the viewer's offer with the video of the view its mode asks for. With {@code gatherAll} the answer
     * waits (up to two seconds) for every local candidate, as WHEP wants; otherwise candidates trickle through the
     * viewer's channel. A refused offer leaves the viewer admitted and able to offer again.
     *
     * @return completes with the answer SDP, or exceptionally with IllegalArgumentException (bad offer) or
     *     IllegalStateException (already connected, or closed)
     */
    public CompletableFuture<String> connect(Viewer viewer, String offer, boolean gatherAll) {
        viewer.markOffered();
        CompletableFuture<String> answer = engine.run(() -> {
            if (viewer.isClosed()) {
                throw new IllegalStateException(StreamingMessages.viewerClosed());
            }
            if (viewer.session() != null) {
                throw new IllegalStateException(StreamingMessages.alreadyConnected());
            }
            if (viewer.audience()) {
                viewer.audience(false); // back from the SFU: a connection of its own again
                viewer.state(PeerState.NEW, System.nanoTime());
            }
            PeerSession session = new PeerSession(engine, new SessionEvents(viewer));
            Feed feed = feeds.shared(viewer.mode());
            viewer.attach(session);
            viewer.watch(feed, viewer.mode(), null);
            try {
                return session.answer(offer, feed.track());
            } catch (RuntimeException e) {
                detach(viewer);
                throw e;
            }
        });
        if (!gatherAll) {
            return answer;
        }
        return answer.thenCompose(sdp -> gathered(viewer).thenCompose(ignored -> engine.run(
                () -> viewer.session() == null ? sdp : viewer.session().localDescription())));
    }

    /** Completes when the viewer's candidates are gathered, after two seconds at most, or at once if it left. */
    private CompletableFuture<Void> gathered(Viewer viewer) {
        return engine.run(() -> viewer.session() == null ? CompletableFuture.<Void>completedFuture(null)
                : viewer.session().gathered()).thenCompose(future -> future)
                .completeOnTimeout(null, 2, TimeUnit.SECONDS);
    }

    /** A remote ICE candidate from the viewer. Any thread. */
    public void addCandidate(Viewer viewer, String candidate, String sdpMid, int sdpMLineIndex) {
        engine.run(() -> {
            if (viewer.session() != null) {
                viewer.session().addRemoteCandidate(candidate, sdpMid, sdpMLineIndex);
            }
            return null;
        }).exceptionally(e -> {
            viewer.channel().error("bad_candidate", StreamingMessages.badCandidate(StreamingMessages.reason(e)));
            return null;
        });
    }

    /**
     * Switches the viewer between its own camera (back on the shared default view until it steers again) and the
     * host's view, without renegotiation: the sender's track is replaced. A viewer watching an RL environment copy
     * goes back to the simulation. Before the viewer connects it only changes what the offer will get.
     */
    public CompletableFuture<ViewMode> switchView(Viewer viewer, ViewMode mode) {
        return engine.run(() -> {
            if (viewer.isClosed() || (viewer.mode() == mode && viewer.source() == null)) {
                return viewer.mode();
            }
            viewer.steering(null);
            if (viewer.session() == null) {
                viewer.watch(null, mode, null);
                return mode;
            }
            watch(viewer, feeds.shared(mode), mode, null);
            log.info("Viewer {} now watches the {} view", viewer.id(), mode.wireName());
            return mode;
        });
    }

    /**
     * Switches the viewer to the live picture of an RL environment copy, without renegotiating: the copy's renderer
     * opens for its first viewer (on {@code simcast-rl-views}), then the engine thread moves the viewer's track to
     * it. Everyone watching one copy shares its view, so camera gestures do not steer it; keys and commands still
     * act on the simulation. {@link #switchView} goes back.
     *
     * @return completes with the copy, or exceptionally with the reason for the viewer (no such environment or
     *     copy, too many copies watched, not connected)
     */
    public CompletableFuture<CopyRef> watchCopy(Viewer viewer, CopyRef copy) {
        if (copyViews == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(unavailable));
        }
        return copyViews.acquire(copy).thenCompose(view -> engine.run(() -> {
            try {
                if (viewer.isClosed() || viewer.session() == null) {
                    throw new IllegalStateException(viewer.isClosed() ? StreamingMessages.viewerClosed()
                            : StreamingMessages.notConnectedYet());
                }
                copyViews.requireOpen(copy.env()); // it may have closed while its renderer started
                if (!copy.equals(viewer.source())) {
                    viewer.steering(null);
                    watch(viewer, feeds.copy(copy, view), viewer.mode(), copy);
                    log.info("Viewer {} now watches RL environment copy {}", viewer.id(), copy);
                    return copy;
                }
            } catch (RuntimeException e) {
                copyViews.release(copy);
                throw e;
            }
            copyViews.release(copy); // it already held this copy
            return copy;
        }));
    }

    /**
     * The viewer plays the host's broadcast from the SFU (its page said so once the picture arrived): it needs no
     * connection of its own, so it is not timed out for never connecting; an offer later (to steer its own camera)
     * connects it as usual. Any thread.
     */
    public void joinAudience(Viewer viewer) {
        if (viewer.audience()) {
            return;
        }
        viewer.audience(true);
        log.info("Viewer {} plays the broadcast from the SFU", viewer.id());
        if (engine != null) {
            engine.run(() -> {
                detach(viewer); // the connection to this host it had until the SFU's picture arrived
                return null;
            });
        }
    }

    /**
     * The view viewer {@code id} watches now (its own, the shared one, or an RL copy's), for recording it; empty when
     * there is no such viewer or it watches nothing on this host. Any thread.
     */
    public CompletableFuture<Optional<View>> viewOf(String id) {
        Optional<Viewer> viewer = registry.find(id);
        if (viewer.isEmpty() || engine == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return engine.run(() -> Optional.ofNullable(viewer.get().feed()).map(Feed::view));
    }

    /**
     * Sends every viewer watching a copy of environment {@code env} back to the simulation, telling it
     * {@code reason}. Called by whoever closed the environment, after it was closed; the switch happens on the
     * engine thread, after any watch request already queued there.
     */
    public void environmentClosed(String env, String reason) {
        if (engine == null) {
            return;
        }
        engine.run(() -> {
            for (Viewer viewer : registry.all()) {
                CopyRef copy = viewer.source();
                if (copy != null && copy.env().equals(env) && viewer.session() != null && !viewer.isClosed()) {
                    watch(viewer, feeds.shared(viewer.mode()), viewer.mode(), null);
                    viewer.channel().watching(null, reason);
                }
            }
            return null;
        });
    }

    /**
     * Engine thread: sends {@code next} (showing {@code copy}, or the simulation when null) to the viewer instead of
     * what it watched, and lets go of that.
     */
    private void watch(Viewer viewer, Feed next, ViewMode mode, CopyRef copy) {
        Feed old = viewer.feed();
        CopyRef oldCopy = viewer.source();
        viewer.session().replaceTrack(next.track());
        viewer.watch(next, mode, copy);
        if (old != null) {
            feeds.release(old);
        }
        if (oldCopy != null) {
            copyViews.release(oldCopy);
        }
    }

    /**
     * Counts one message from the viewer (signalling or input channel) against its rate. A message over the rate is
     * dropped (the viewer hears so once a second); a viewer that keeps flooding is disconnected. Any thread.
     *
     * @return whether to handle the message
     */
    public boolean accept(Viewer viewer) {
        long now = System.nanoTime();
        return switch (viewer.conduct().message(now)) {
            case ACCEPT -> true;
            case DROP -> {
                if (viewer.reportDropNow(now)) {
                    viewer.channel().error("rate_limited", StreamingMessages.tooManyMessages(Conduct.RATE));
                }
                yield false;
            }
            case EXPEL -> {
                expel(viewer, StreamingMessages.expelledForFlooding());
                yield false;
            }
        };
    }

    /** Refuses one message of the viewer: tells it why, and disconnects a viewer that keeps sending such. Any thread. */
    public void refuse(Viewer viewer, String code, String message) {
        viewer.channel().error(code, message);
        if (viewer.conduct().strike(System.nanoTime()) == Conduct.Verdict.EXPEL) {
            expel(viewer, StreamingMessages.expelledForGarbage());
        }
    }

    private void expel(Viewer viewer, String reason) {
        if (!viewer.isClosed()) {
            log.warn("Viewer {} ({}) disconnected: {}", viewer.id(), viewer.grant().describe(), reason);
            close(viewer, reason, false);
        }
    }

    /**
     * One input message: parsed and checked against the viewer's role here, then left in the viewer's mailbox for
     * the input thread. Refusals are answered on the viewer's channel. Any thread.
     */
    public void input(Viewer viewer, JsonNode message) {
        InputEvent event;
        try {
            event = InputEvent.parse(message);
        } catch (IllegalArgumentException e) {
            refuse(viewer, "bad_input", e.getMessage());
            return;
        }
        String refusal = InputPolicy.refusal(viewer.grant().role(), event);
        if (refusal != null) {
            refuse(viewer, "forbidden", refusal);
            return;
        }
        switch (viewer.mailbox().offer(event)) {
            case WAKE -> schedule(viewer);
            case DROPPED -> {
                if (viewer.reportDropNow(System.nanoTime())) {
                    viewer.channel().error("input_dropped", StreamingMessages.inputDropped());
                }
            }
            case QUEUED -> { }
        }
    }

    private void schedule(Viewer viewer) {
        try {
            inputThread.execute(() -> drain(viewer));
        } catch (RejectedExecutionException e) {
            viewer.mailbox().poll(); // shutting down: nothing will drain it
        }
    }

    /** Input thread: applies a turn's worth of the viewer's events, then lets the next viewer have a turn. */
    private void drain(Viewer viewer) {
        for (int i = 0; i < INPUT_TURN; i++) {
            InputEvent event = viewer.mailbox().poll();
            if (event == null) {
                return;
            }
            if (viewer.isClosed()) {
                continue;
            }
            try {
                viewer.input().apply(event);
            } catch (IllegalArgumentException e) {
                viewer.channel().error("bad_input", e.getMessage());
            }
        }
        schedule(viewer);
    }

    /**
     * Ends a viewer: its connection, its feed if it was the last to watch it, its place in the registry. The viewer
     * may reconnect by itself. Idempotent; any thread.
     *
     * @param reason what the viewer's channel hears, or null to close it silently (it is already gone)
     */
    public CompletableFuture<Void> close(Viewer viewer, String reason) {
        return close(viewer, reason, true);
    }

    /**
     * Ends the viewer {@code id} at the operator's request (the console's viewers panel): its page hears why and
     * does not reconnect by itself. Any thread.
     *
     * @return completes with false when no such viewer is admitted, else with true once it is torn down
     */
    public CompletableFuture<Boolean> disconnect(String id) {
        return registry.find(id)
                .map(viewer -> close(viewer, StreamingMessages.disconnectedByOperator(), false).thenApply(done -> true))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }

    private CompletableFuture<Void> close(Viewer viewer, String reason, boolean reconnect) {
        if (!viewer.markClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        registry.remove(viewer);
        if (reason != null) {
            viewer.channel().close(reason, reconnect);
        }
        log.info("Viewer {} left ({}); {} remain", viewer.id(), reason == null ? "disconnected" : reason,
                registry.count());
        if (engine == null) {
            return CompletableFuture.completedFuture(null);
        }
        return engine.run(() -> {
            detach(viewer);
            return null;
        });
    }

    /** Statistics of every viewer. Any thread. */
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

    /** Engine thread. */
    private void detach(Viewer viewer) {
        PeerSession session = viewer.session();
        Feed feed = viewer.feed();
        CopyRef copy = viewer.source();
        viewer.steering(null);
        viewer.attach(null);
        viewer.watch(null, viewer.mode(), null);
        if (session != null) {
            session.close();
        }
        if (feed != null) {
            feeds.release(feed);
        }
        if (copy != null) {
            copyViews.release(copy);
        }
    }

    /** Monitor thread: close what is gone, sample what is alive. */
    private void watch() {
        try {
            long now = System.nanoTime();
            for (Viewer viewer : registry.all()) {
                long trouble = viewer.troubleFor(now);
                var ended = gatekeeper.links().ended(viewer.grant());
                if (ended.isPresent()) {
                    close(viewer, ended.get() == ShareLinks.LinkEnd.REVOKED ? StreamingMessages.linkRevoked()
                            : StreamingMessages.linkExpired(), false);
                } else if (!viewer.audience()
                        && (trouble > DISCONNECT_GRACE_NANOS || viewer.state() == PeerState.CLOSED)) {
                    close(viewer, StreamingMessages.connectionLost());
                } else if (!viewer.offered() && !viewer.audience()
                        && viewer.admittedFor(now) > OFFER_TIMEOUT_NANOS) {
                    close(viewer, StreamingMessages.neverOffered());
                } else if (!viewer.everConnected() && !viewer.audience()
                        && viewer.admittedFor(now) > CONNECT_TIMEOUT_NANOS) {
                    close(viewer, StreamingMessages.neverConnected());
                } else if (viewer.state() == PeerState.CONNECTED
                        || viewer.state() == PeerState.DISCONNECTED) {
                    engine.run(() -> viewer.session() == null ? null : viewer.session().stats())
                            .thenCompose(report -> report == null ? CompletableFuture.completedFuture(null) : report)
                            .thenAccept(report -> {
                                if (report != null) {
                                    viewer.sample(PeerStats.from(report), System.nanoTime(), SILENCE_NANOS);
                                }
                            });
                }
            }
        } catch (RuntimeException e) {
            log.warn("Viewer monitor pass failed", e);
        }
    }

    /** Closes every viewer and stops the threads; the feeds and the engine are closed by their owner after. */
    @Override
    public void close() {
        monitor.shutdownNow();
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Viewer viewer : registry.all()) {
            closing.add(close(viewer, StreamingMessages.hostStopping()));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Viewers did not close cleanly: {}", e.toString());
        }
        inputThread.shutdown();
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A viewer's claim to a camera of its own, on the input thread: the first gesture makes a view (the renderer
     * takes it from any thread; it starts with the default camera, so the picture does not jump), steers it at once,
     * and the engine thread moves the viewer's track over to it.
     */
    private final class Claims implements SteeringProvider {
        private final Viewer viewer;

        Claims(Viewer viewer) {
            this.viewer = viewer;
        }

        @Override
        public Steering current() {
            return viewer.steering();
        }

        @Override
        public Steering claim() {
            Steering steering = viewer.steering();
            if (steering != null || viewer.mode() != ViewMode.OWN || !viewer.watching() || viewer.source() != null
                    || viewer.isClosed()) {
                return steering;
            }
            Steering claimed = Steering.of(feeds.createView());
            viewer.steering(claimed);
            engine.run(() -> {
                if (viewer.isClosed() || viewer.session() == null || viewer.steering() != claimed) {
                    claimed.view().close(); // left, switched or reconnected meanwhile
                } else {
                    watch(viewer, feeds.own(claimed.view()), ViewMode.OWN, null);
                    log.debug("Viewer {} steers a view of its own", viewer.id());
                }
                return null;
            });
            return claimed;
        }
    }

    /** A session's native callbacks for one viewer: record, forward, never block. */
    private final class SessionEvents implements PeerSession.Listener {
        private final Viewer viewer;

        SessionEvents(Viewer viewer) {
            this.viewer = viewer;
        }

        @Override
        public void onLocalCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
            viewer.channel().candidate(candidate, sdpMid, sdpMLineIndex);
        }

        @Override
        public void onConnectionState(PeerState state) {
            viewer.state(state, System.nanoTime());
            log.debug("Viewer {} connection {}", viewer.id(), state);
            if (state == PeerState.FAILED) {
                // Failed ICE will not recover by itself: free the slot now (on another thread; we are native).
                monitor.execute(() -> close(viewer, StreamingMessages.connectionFailed()));
            }
        }

        @Override
        public void onInputMessage(String text) {
            if (!accept(viewer)) {
                return;
            }
            try {
                input(viewer, Json.parse(text));
            } catch (IllegalArgumentException e) {
                refuse(viewer, "bad_json", e.getMessage());
            }
        }
    }
}
