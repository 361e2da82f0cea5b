package io.simcast.streaming.viewer;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.access.ShareLink;
import io.simcast.streaming.input.ViewerInput;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may watch, and how much each viewer may send: admits a viewer within the host's limit and its share link's
 * (refusing it with the reason, also when this host cannot send video at all), counts each of its messages against
 * its rate, answers what is refused, and puts out a viewer that floods or keeps sending what cannot be understood.
 *
 * <p>Any thread: Undertow's IO and worker threads, libwebrtc's signalling thread (data-channel input). The registry
 * admits atomically and each viewer's {@link Conduct} is its own lock, so nothing here is checked on one thread and
 * acted on by another.
 */
final class Admission {
    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final ViewerRegistry registry;
    private final Gatekeeper gatekeeper;
    private final Optional<String> unavailable;
    private final Departures departures;

    /** @param unavailable why this host cannot send video, if it cannot: every viewer is then refused with it */
    Admission(ViewerRegistry registry, Gatekeeper gatekeeper, Optional<String> unavailable, Departures departures) {
        this.registry = registry;
        this.gatekeeper = gatekeeper;
        this.unavailable = unavailable;
        this.departures = departures;
    }

    /** Admits a viewer with the grant it presented, from {@code address}, or says why not. */
    Viewer admit(Door door, ViewMode mode, ViewerChannel channel, Grant grant, String address,
                 Function<Viewer, ViewerInput> input) throws ViewerRefusedException {
        if (unavailable.isPresent()) {
            throw new ViewerRefusedException("unavailable", unavailable.get());
        }
        int linkLimit = grant.linkId() == null ? Integer.MAX_VALUE
                : gatekeeper.links().find(grant.linkId()).map(ShareLink::maxViewers).orElse(0);
        Viewer viewer = registry.admit(door, mode, channel, grant, linkLimit, address, input);
        log.info("Viewer {} admitted through {} as {} ({} of {})", viewer.id(), door.wireName(), grant.describe(),
                registry.count(), registry.limit());
        return viewer;
    }

    /**
     * Counts one message from the viewer (signalling or input channel) against its rate. A message over the rate is
     * dropped (the viewer hears so once a second); a viewer that keeps flooding is disconnected.
     *
     * @return whether to handle the message
     */
    boolean accept(Viewer viewer) {
        long now = System.nanoTime();
        return switch (viewer.conduct().message(now)) {
            case ACCEPT -> true;
            case DROP -> {
                if (viewer.conduct().reportDropNow(now)) {
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

    /** Refuses one message of the viewer: tells it why, and disconnects a viewer that keeps sending such. */
    void refuse(Viewer viewer, String code, String message) {
        viewer.channel().error(code, message);
        if (viewer.conduct().strike(System.nanoTime()) == Conduct.Verdict.EXPEL) {
            expel(viewer, StreamingMessages.expelledForGarbage());
        }
    }

    private void expel(Viewer viewer, String reason) {
        if (!viewer.isClosed()) {
            log.warn("Viewer {} ({}) disconnected: {}", viewer.id(), viewer.grant().describe(), reason);
            departures.end(viewer, reason, false);
        }
    }
}
