package io.simcast.streaming.viewer;

import io.simcast.streaming.ViewMode;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.input.Steering;
import io.simcast.streaming.media.Feed;
import io.simcast.streaming.webrtc.PeerSession;
import java.util.Optional;

/**
 * What one viewer watches and through which connection. Immutable: only the viewer's serial queue makes the next
 * one and publishes it whole ({@link Viewer#media}), so any other thread reads a consistent picture with one volatile
 * read and never acts on half of a change.
 */
sealed interface MediaState {
    /** The view the viewer asked for: what its offer gets, and where it goes back to from an RL copy or sandbox. */
    ViewMode mode();

    /** The RL environment copy or sandbox it watches, if it watches one rather than the simulation. */
    default Optional<WatchRef> watched() {
        return this instanceof Watching watching ? Optional.of(watching.ref()) : Optional.empty();
    }

    /** The view of its own it steers, if it has one. */
    default Optional<Steering> steered() {
        return this instanceof Own own ? Optional.of(own.steering()) : Optional.empty();
    }

    /** Not connected: before its offer is answered, or after teardown. */
    record Offline(ViewMode mode) implements MediaState {}

    /**
     * Plays the host's broadcast from the SFU (its page said so once that picture arrived): no connection to this
     * host's video, until it offers again (to steer its own camera).
     */
    record Audience(ViewMode mode) implements MediaState {}

    /** Connected: {@code session} sends {@code feed}'s track, and the viewer holds one count of the feed. */
    sealed interface Connected extends MediaState {
        PeerSession session();

        Feed feed();
    }

    /** The shared view of its mode: the default view (own mode, until it steers) or the host's (follow). */
    record Shared(ViewMode mode, PeerSession session, Feed feed) implements Connected {}

    /** A view of its own, which it steers. */
    record Own(PeerSession session, Feed feed, Steering steering) implements Connected {
        @Override
        public ViewMode mode() {
            return ViewMode.OWN;
        }
    }

    /**
     * An RL environment copy or a sandbox, whose view the viewer holds one count of ({@code CopyViews},
     * {@code WatchSources}).
     */
    record Watching(ViewMode mode, PeerSession session, Feed feed, WatchRef ref) implements Connected {}
}
