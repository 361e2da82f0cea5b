package io.simcast.streaming.viewer;

import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.webrtc.PeerState;
import io.simcast.streaming.webrtc.PeerStats;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the admitted viewers on its own thread, {@code simcast-viewer-monitor}: twice a second it samples each
 * connected viewer's statistics (asked for on the viewer's queue), and ends viewers whose share link was revoked or
 * expired, whose connection went silent, disconnected or failed past a grace (short for a WHEP player, long enough
 * to ride out an outage for a page whose signalling socket is open), or that never connected (a viewer playing the
 * broadcast from the SFU has no connection to judge).
 *
 * <p>It is the only writer of each viewer's {@link ConnectionHealth}: libwebrtc's state callbacks and the statistics
 * hand their news to this thread ({@link #stateChanged}), which also ends a failed viewer at once.
 */
final class ViewerMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ViewerMonitor.class);
    /** A connected viewer that sends nothing for this long has gone silent (closed tab, lost network). */
    static final long SILENCE_NANOS = 1_500_000_000L;
    /**
     * A viewer silent, disconnected or failed for this long is gone. Silence is noticed within two monitor passes
     * of the last packet, so a vanished viewer is freed in about three seconds, while a short hiccup is forgiven.
     */
    static final long DISCONNECT_GRACE_NANOS = 500_000_000L;
    /**
     * The grace of a page whose signalling socket is still open: its person is still there (a closed tab closes the
     * socket, which ends the viewer at once), only the media path is down. A ten-second outage must end in the same
     * connection recovering (NACK, PLI, a key frame), not in the viewer thrown out and reconnecting. libwebrtc gives
     * the path up (FAILED) about 15 s into an outage; such a page is then asked to restart ICE on the same
     * connection, and each restart it sends starts its grace again ({@link ConnectionHealth#restarted}).
     */
    static final long SIGNALLED_GRACE_NANOS = 15_000_000_000L;
    /** A viewer that has not connected this long after admission (no ICE path) frees its place. */
    static final long CONNECT_TIMEOUT_NANOS = 30_000_000_000L;
    /**
     * A link holder without a connection this long after admission holds a place for nothing (the page offers at
     * once); the operator's sockets are not timed, as they lock nobody out the operator did not choose to.
     */
    static final long OFFER_TIMEOUT_NANOS = 10_000_000_000L;
    private static final long PERIOD_MILLIS = 500;

    private final ViewerRegistry registry;
    private final ShareLinks links;
    private final Function<Viewer, CompletableFuture<Optional<PeerStats>>> sampler;
    private final Departures departures;
    private final ScheduledExecutorService thread;
    /** Samples asked for and not answered yet, by viewer: a viewer whose queue is busy is not asked again. */
    private final Map<Viewer, CompletableFuture<?>> sampling = new HashMap<>();

    /** @param sampler a viewer's connection statistics, or nothing while it is not connected */
    ViewerMonitor(ViewerRegistry registry, ShareLinks links,
                  Function<Viewer, CompletableFuture<Optional<PeerStats>>> sampler, Departures departures) {
        this.registry = registry;
        this.links = links;
        this.sampler = sampler;
        this.departures = departures;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("simcast-viewer-monitor").daemon().factory());
        thread.scheduleWithFixedDelay(this::pass, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * libwebrtc says the viewer's connection is now {@code state}: noted on the monitor thread (this never blocks,
     * so libwebrtc's thread may call it). Failed ICE will not recover by itself: a page whose connection once worked
     * and whose socket is open is asked to restart it (its grace runs meanwhile); any other failed viewer is ended at
     * once, saying why.
     */
    void stateChanged(Viewer viewer, PeerState state) {
        long now = System.nanoTime();
        later(() -> {
            boolean worked = viewer.health().everConnected();
            viewer.health(viewer.health().withState(state, now));
            if (state != PeerState.FAILED) {
                return;
            }
            if (worked && viewer.door() == Door.WEBSOCKET) {
                log.info("Viewer {}: its media path failed; asking its page to restart ICE", viewer.id());
                viewer.channel().restartIce();
            } else {
                departures.end(viewer, StreamingMessages.connectionFailed(), true);
            }
        });
    }

    /** The viewer sent an ICE-restart offer: it is still there, so its grace starts again. Any thread. */
    void restarted(Viewer viewer) {
        long now = System.nanoTime();
        later(() -> viewer.health(viewer.health().restarted(now)));
    }

    /** Monitor thread: end what is gone, sample what is alive. */
    private void pass() {
        try {
            long now = System.nanoTime();
            sampling.keySet().removeIf(Viewer::isClosed);
            for (Viewer viewer : registry.all()) {
                ConnectionHealth health = viewer.health();
                boolean audience = viewer.media() instanceof MediaState.Audience; // no connection to judge
                var ended = links.ended(viewer.grant());
                if (ended.isPresent()) {
                    departures.end(viewer, ended.get() == ShareLinks.LinkEnd.REVOKED ? StreamingMessages.linkRevoked()
                            : StreamingMessages.linkExpired(), false);
                } else if (!audience
                        && (health.troubleFor(now) > grace(viewer) || health.state() == PeerState.CLOSED)) {
                    departures.end(viewer, StreamingMessages.connectionLost(), true);
                } else if (viewer.media() instanceof MediaState.Offline && !health.everConnected()
                        && viewer.grant().role() != Role.OPERATOR
                        && viewer.admittedFor(now) > OFFER_TIMEOUT_NANOS) {
                    departures.end(viewer, StreamingMessages.neverOffered(), true);
                } else if (!audience && !health.everConnected()
                        && viewer.admittedFor(now) > CONNECT_TIMEOUT_NANOS) {
                    departures.end(viewer, StreamingMessages.neverConnected(), true);
                } else if (health.state() == PeerState.CONNECTED || health.state() == PeerState.DISCONNECTED) {
                    sample(viewer);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Viewer monitor pass failed", e);
        }
    }

    /** How long {@code viewer} may stay silent or disconnected: a WHEP player has no socket to say it left. */
    private static long grace(Viewer viewer) {
        return viewer.door() == Door.WEBSOCKET ? SIGNALLED_GRACE_NANOS : DISCONNECT_GRACE_NANOS;
    }

    private void sample(Viewer viewer) {
        CompletableFuture<?> last = sampling.get(viewer);
        if (last != null && !last.isDone()) {
            return;
        }
        sampling.put(viewer, sampler.apply(viewer).thenAccept(sample -> sample.ifPresent(stats -> {
            long now = System.nanoTime();
            later(() -> viewer.health(viewer.health().sampled(stats, now, SILENCE_NANOS)));
        })));
    }

    private void later(Runnable news) {
        try {
            thread.execute(news);
        } catch (RejectedExecutionException e) {
            // shutting down: every viewer is being ended anyway
        }
    }

    /** Stops watching (host shutdown, before the viewers are ended). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
