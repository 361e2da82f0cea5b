package io.simcast.streaming.viewer;

import io.simcast.streaming.http.Json;
import io.simcast.streaming.webrtc.PeerSession;
import io.simcast.streaming.webrtc.PeerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer's session callbacks, on libwebrtc's signalling thread: record nothing here, hand each piece of news to
 * the part that owns it (candidates to the viewer's channel, state to the monitor, input to the input dispatch) and
 * never block. A connection that comes back after an outage gets a key frame at once (on the viewer's queue).
 */
final class SessionEvents implements PeerSession.Listener {
    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);

    private final Viewer viewer;
    private final ViewerMonitor monitor;
    private final Admission admission;
    private final InputDispatch input;
    /** The connection's previous state, to see it come back; libwebrtc's signalling thread only. */
    private PeerState last = PeerState.NEW;
    /** Whether it was ever connected: connected again after that is a return from an outage (or an ICE restart). */
    private boolean connectedBefore;

    SessionEvents(Viewer viewer, ViewerMonitor monitor, Admission admission, InputDispatch input) {
        this.viewer = viewer;
        this.monitor = monitor;
        this.admission = admission;
        this.input = input;
    }

    @Override
    public void onLocalCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
        viewer.channel().candidate(candidate, sdpMid, sdpMLineIndex);
    }

    @Override
    public void onConnectionState(PeerState state) {
        log.debug("Viewer {} connection {}", viewer.id(), state);
        if (state == PeerState.CONNECTED && last != PeerState.CONNECTED && connectedBefore) {
            resumeVideo();
        }
        last = state;
        connectedBefore |= state == PeerState.CONNECTED;
        monitor.stateChanged(viewer, state);
    }

    /**
     * The path is back after an outage: the viewer's decoder lost its reference frames, and libwebrtc's receiver asks
     * for a key frame only when its 3 s timer finds no decodable frame (and not at all while the stream has been
     * silent for 5 s), so without this the picture came back up to 3 s after the path did.
     */
    private void resumeVideo() {
        viewer.queue().submit(() -> {
            if (!viewer.isClosed() && viewer.media() instanceof MediaState.Connected connected) {
                log.info("Viewer {} is back after an outage: sending a key frame", viewer.id());
                connected.session().sendKeyFrame();
            }
            return null;
        }).exceptionally(e -> {
            log.warn("Viewer {}: no key frame after the outage ({}); the page will ask for one", viewer.id(),
                    e.getMessage());
            return null;
        });
    }

    @Override
    public void onInputMessage(String text) {
        if (!admission.accept(viewer)) {
            return;
        }
        try {
            input.input(viewer, Json.parse(text));
        } catch (IllegalArgumentException e) {
            admission.refuse(viewer, "bad_json", e.getMessage());
        }
    }
}
