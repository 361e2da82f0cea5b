package io.simcast.streaming.viewer;

import io.simcast.sim.render.View;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.input.Steering;
import io.simcast.streaming.input.SteeringProvider;
import io.simcast.streaming.media.Feed;
import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.viewer.MediaState.Connected;
import io.simcast.streaming.webrtc.PeerSession;
import io.simcast.streaming.webrtc.PeerSessions;
import io.simcast.streaming.webrtc.PeerState;
import io.simcast.streaming.webrtc.PeerStats;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewers' connections, on the WebRTC side: answering an offer with the video of the view its mode asks for,
 * remote candidates, moving a viewer's track between views, RL environment copies and sandboxes ({@code replaceTrack},
 * no renegotiation), claiming a view of its own, statistics and teardown.
 *
 * <p>Called from any thread; every operation runs on the viewer's own serial queue ({@link Viewer#queue}, virtual
 * threads named {@code simcast-viewer-<id>}), one at a time in call order. That queue is the only writer of the
 * viewer's {@link MediaState}: a decision and its act happen in one operation, and one viewer's slow SDP step never
 * delays another viewer's answer, statistics or track swap. Teardown follows the order that lets webrtc-java free
 * everything: the session (data channels, {@code replaceTrack(null)}, the connection), then the feed, which closes
 * with its last viewer.
 */
final class Connections {
    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    /** WHEP answers wait this long at most for every local candidate. */
    private static final long GATHER_SECONDS = 2;

    private final PeerSessions sessions;
    private final FeedPool feeds;
    private final Watchables watchables;
    private final Function<Viewer, PeerSession.Listener> events;
    private final ViewerMonitor monitor;
    /** Teardowns not finished yet. */
    private final Set<CompletableFuture<Void>> teardowns = ConcurrentHashMap.newKeySet();

    /**
     * @param events what each viewer's session tells (its native callbacks)
     * @param monitor hears that a viewer's connection ended while the viewer stays (it joined the SFU's audience)
     */
    Connections(PeerSessions sessions, FeedPool feeds, Watchables watchables,
                Function<Viewer, PeerSession.Listener> events, ViewerMonitor monitor) {
        this.sessions = sessions;
        this.feeds = feeds;
        this.watchables = watchables;
        this.events = events;
        this.monitor = monitor;
    }

    /**
     * Answers the viewer's offer with the video of the view its mode asks for. With {@code gatherAll} the answer
     * waits (up to two seconds) for every local candidate, as WHEP wants; otherwise candidates trickle through the
     * viewer's channel. A refused offer leaves the viewer admitted and able to offer again.
     *
     * @return completes with the answer SDP, or exceptionally with IllegalArgumentException (bad offer) or
     *     IllegalStateException (already connected, or closed)
     */
    CompletableFuture<String> connect(Viewer viewer, String offer, boolean gatherAll) {
        CompletableFuture<String> answer = viewer.queue().submit(() -> answer(viewer, offer));
        if (!gatherAll) {
            return answer;
        }
        return answer.thenCompose(sdp -> gathered(viewer).thenCompose(ignored -> viewer.queue().submit(
                () -> viewer.media() instanceof Connected connected ? connected.session().localDescription() : sdp)));
    }

    /** Queue. */
    private String answer(Viewer viewer, String offer) {
        if (viewer.isClosed()) {
            throw new IllegalStateException(StreamingMessages.viewerClosed());
        }
        if (viewer.media() instanceof Connected) {
            throw new IllegalStateException(StreamingMessages.alreadyConnected());
        }
        ViewMode mode = viewer.mode();
        PeerSession session = sessions.open(events.apply(viewer));
        try {
            Feed feed = feeds.shared(mode);
            viewer.media(new MediaState.Shared(mode, session, feed));
            if (viewer.isClosed()) { // it left meanwhile; it saw no session to abandon, so stop here
                throw new IllegalStateException(StreamingMessages.viewerClosed());
            }
            return session.answer(offer, feed.track());
        } catch (RuntimeException e) {
            if (viewer.media() instanceof Connected) {
                detach(viewer);
            } else {
                session.close();
            }
            throw e;
        }
    }

    /**
     * Applies a connected viewer's ICE-restart offer ({@link PeerSession#restart}) and gives it a fresh grace: a page
     * that asks is still there, however long its media path has been down.
     *
     * @return completes with the answer SDP, or exceptionally with IllegalArgumentException (bad offer) or
     *     IllegalStateException (not connected, or closed)
     */
    CompletableFuture<String> restart(Viewer viewer, String offer) {
        return viewer.queue().submit(() -> {
            if (viewer.isClosed() || !(viewer.media() instanceof Connected connected)) {
                throw new IllegalStateException(StreamingMessages.nothingToRestart());
            }
            String answer = connected.session().restart(offer);
            monitor.restarted(viewer);
            log.info("Viewer {} restarted ICE after its media path failed", viewer.id());
            return answer;
        });
    }

    /** Completes when the viewer's candidates are gathered, after two seconds at most, or at once if it left. */
    private static CompletableFuture<Void> gathered(Viewer viewer) {
        CompletableFuture<Void> gathered = viewer.media() instanceof Connected connected
                ? connected.session().gathered().copy() : CompletableFuture.completedFuture(null);
        return gathered.completeOnTimeout(null, GATHER_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * A remote ICE candidate from the viewer; ignored before its offer. A candidate libwebrtc refuses is reported on
     * the viewer's channel.
     */
    void addCandidate(Viewer viewer, String candidate, String sdpMid, int sdpMLineIndex) {
        viewer.queue().submit(() -> {
            if (viewer.media() instanceof Connected connected) {
                connected.session().addRemoteCandidate(candidate, sdpMid, sdpMLineIndex);
            }
            return null;
        }).exceptionally(e -> {
            viewer.channel().error("bad_candidate", StreamingMessages.badCandidate(StreamingMessages.reason(e)));
            return null;
        });
    }

    /**
     * Switches the viewer between its own camera (back on the shared default view until it steers again) and the
     * host's view, without renegotiation: the sender's track is replaced. A viewer watching an RL environment copy or
     * a sandbox goes back to the simulation. Before the viewer connects it only changes what the offer will get.
     */
    CompletableFuture<ViewMode> switchView(Viewer viewer, ViewMode mode) {
        return viewer.queue().submit(() -> switchTo(viewer, mode));
    }

    /** Sends the viewer back to the simulation, in the view mode it watches in (its own or the host's). */
    CompletableFuture<ViewMode> watchSimulation(Viewer viewer) {
        return viewer.queue().submit(() -> switchTo(viewer, viewer.mode()));
    }

    /** Queue. */
    private ViewMode switchTo(Viewer viewer, ViewMode mode) {
        MediaState media = viewer.media();
        if (viewer.isClosed() || (media.mode() == mode && media.watched().isEmpty())) {
            return media.mode();
        }
        if (!(media instanceof Connected connected)) {
            viewer.media(new MediaState.Offline(mode));
            return mode;
        }
        move(viewer, connected, new MediaState.Shared(mode, connected.session(), feeds.shared(mode)));
        log.info("Viewer {} now watches the {} view", viewer.id(), mode.wireName());
        return mode;
    }

    /**
     * Switches the viewer to the live picture of an RL environment copy or a sandbox, without renegotiating: its view
     * opens for its first viewer (a copy's renderer starts on {@code simcast-rl-views}), then the viewer's queue moves
     * its track to it. Everyone watching one shares its view, so camera gestures do not steer it; keys and commands
     * still act on the simulation. {@link #watchSimulation} goes back.
     *
     * @return completes with {@code ref}, or exceptionally with the reason for the viewer (no such environment, copy
     *     or sandbox, too many copies watched, not connected)
     */
    CompletableFuture<WatchRef> watch(Viewer viewer, WatchRef ref) {
        return watchables.acquire(ref).thenCompose(view -> viewer.queue().submit(() -> {
            try {
                if (viewer.isClosed() || !(viewer.media() instanceof Connected connected)) {
                    throw new IllegalStateException(viewer.isClosed() ? StreamingMessages.viewerClosed()
                            : StreamingMessages.notConnectedYet());
                }
                watchables.requireOpen(ref); // it may have closed while its view was made
                if (!connected.watched().equals(Optional.of(ref))) {
                    move(viewer, connected, new MediaState.Watching(connected.mode(), connected.session(),
                            feeds.watched(ref, view), ref));
                    log.info("Viewer {} now watches {}", viewer.id(), ref);
                    return ref;
                }
            } catch (RuntimeException e) {
                watchables.release(ref);
                throw e;
            }
            watchables.release(ref); // it already held this one
            return ref;
        }));
    }

    /**
     * Sends each of {@code viewers} that watches what {@code gone} selects (the copies of a closed environment, a
     * withdrawn sandbox) back to the simulation, telling it {@code reason}. Called by whoever closed it, after it was
     * closed; each switch happens on its viewer's queue, after any watch request already queued there.
     *
     * @return completes when every one of them is back
     */
    CompletableFuture<Void> sendBack(List<Viewer> viewers, Predicate<WatchRef> gone, String reason) {
        List<CompletableFuture<Object>> moves = viewers.stream().map(viewer -> viewer.queue().submit(() -> {
            if (!viewer.isClosed() && viewer.media() instanceof MediaState.Watching watched
                    && gone.test(watched.ref())) {
                move(viewer, watched, new MediaState.Shared(watched.mode(), watched.session(),
                        feeds.shared(watched.mode())));
                viewer.channel().watching(null, reason);
            }
            return null;
        })).toList();
        return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new));
    }

    /**
     * The viewer plays the host's broadcast from the SFU (its page said so once the picture arrived): the connection
     * it had until then closes, and it is not timed out for having none; an offer later (to steer its own camera)
     * connects it as usual.
     */
    void joinAudience(Viewer viewer) {
        viewer.queue().submit(() -> {
            MediaState media = viewer.media();
            if (viewer.isClosed() || media instanceof MediaState.Audience) {
                return null;
            }
            viewer.media(new MediaState.Audience(media.mode()));
            if (media instanceof Connected connected) {
                connected.session().close();
                release(connected);
            }
            monitor.stateChanged(viewer, PeerState.NEW); // after the closed connection's last news: a fresh start
            log.info("Viewer {} plays the broadcast from the SFU", viewer.id());
            return null;
        });
    }

    /** The view the viewer watches now (its own, a shared one, an RL copy's, a sandbox's), or none while unconnected. */
    CompletableFuture<Optional<View>> viewOf(Viewer viewer) {
        return viewer.queue().submit(() -> viewer.media() instanceof Connected connected
                ? Optional.of(connected.feed().view()) : Optional.<View>empty());
    }

    /**
     * The viewer's steering for its input handler. The input thread claims a view on the viewer's first gesture and
     * steers it at once; the viewer's queue then decides, on the state it alone writes, whether the viewer may still
     * have it.
     */
    SteeringProvider claims(Viewer viewer) {
        return new Claims(viewer);
    }

    /** The viewer's connection statistics, or nothing while it is not connected. */
    CompletableFuture<Optional<PeerStats>> stats(Viewer viewer) {
        return viewer.queue().submit(() -> viewer.media() instanceof Connected connected
                        ? connected.session().stats().thenApply(report -> Optional.of(PeerStats.from(report)))
                        : CompletableFuture.completedFuture(Optional.<PeerStats>empty()))
                .thenCompose(stats -> stats);
    }

    /**
     * Tears the closed viewer's connection down, after everything already queued for it; an SDP step it is waiting
     * for gives up at once.
     */
    CompletableFuture<Void> end(Viewer viewer) {
        if (viewer.media() instanceof Connected connected) {
            connected.session().abandon();
        }
        CompletableFuture<Void> done = viewer.queue().submit(() -> {
            detach(viewer);
            return null;
        });
        teardowns.add(done);
        done.whenComplete((ignored, failure) -> teardowns.remove(done));
        return done;
    }

    /**
     * Completes when every connection ended so far is torn down: until then a queue may still use the engine, the
     * feeds' tracks or the factory, which must not be freed under it.
     */
    CompletableFuture<Void> tornDown() {
        return CompletableFuture.allOf(teardowns.toArray(CompletableFuture[]::new));
    }

    /** Queue: the session first (so the track is no longer sent), then the feed and the copy or sandbox it held. */
    private void detach(Viewer viewer) {
        MediaState media = viewer.media();
        viewer.media(new MediaState.Offline(media.mode()));
        if (media instanceof Connected connected) {
            connected.session().close();
            release(connected);
        }
    }

    /** Queue: sends {@code next}'s feed instead of {@code current}'s, then lets go of what {@code current} held. */
    private void move(Viewer viewer, Connected current, Connected next) {
        next.session().replaceTrack(next.feed().track());
        viewer.media(next);
        release(current);
    }

    private void release(Connected watched) {
        feeds.release(watched.feed());
        watched.watched().ifPresent(watchables::release);
    }

    /** Queue: the viewer's claimed view becomes its own, unless it left, switched or reconnected meanwhile. */
    private void adopt(Viewer viewer, Steering claimed) {
        if (!viewer.isClosed() && viewer.media() instanceof MediaState.Shared shared
                && shared.mode() == ViewMode.OWN) {
            move(viewer, shared, new MediaState.Own(shared.session(), feeds.own(claimed.view()), claimed));
            log.debug("Viewer {} steers a view of its own", viewer.id());
        } else {
            claimed.view().close();
        }
    }

    /**
     * A viewer's claim to a camera of its own, on the input thread: the first gesture makes a view (the renderer
     * takes it from any thread; it starts with the default camera, so the picture does not jump) and steers it at
     * once, and the viewer's queue adopts it ({@link #adopt}). Until the queue has decided, the claim is the input
     * thread's own; after, what the viewer steers is what its media state says.
     */
    private final class Claims implements SteeringProvider {
        private final Viewer viewer;
        /** The claim the queue has not decided yet, or null. Input thread only. */
        private Claim pending;

        private record Claim(Steering steering, CompletableFuture<Void> decided) {}

        Claims(Viewer viewer) {
            this.viewer = viewer;
        }

        @Override
        public Steering current() {
            if (pending != null) {
                if (!pending.decided().isDone()) {
                    return pending.steering();
                }
                pending = null;
            }
            return viewer.media().steered().orElse(null);
        }

        @Override
        public Steering claim() {
            Steering steering = current();
            if (steering != null || viewer.isClosed()
                    || !(viewer.media() instanceof MediaState.Shared shared) || shared.mode() != ViewMode.OWN) {
                return steering;
            }
            Steering claimed = Steering.of(feeds.createView());
            pending = new Claim(claimed, viewer.queue().submit(() -> {
                adopt(viewer, claimed);
                return null;
            }));
            return claimed;
        }
    }
}
