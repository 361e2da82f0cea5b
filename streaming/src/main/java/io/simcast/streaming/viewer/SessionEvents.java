package io.simcast.streaming.viewer;

import io.simcast.streaming.http.Json;
import io.simcast.streaming.webrtc.PeerSession;
import io.simcast.streaming.webrtc.PeerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer's session callbacks, on libwebrtc's signalling thread: record nothing here, hand each piece of news to
 * the part that owns it (candidates to the viewer's channel, state to the monitor, input to the input dispatch) and
 * never block.
 */
final class SessionEvents implements PeerSession.Listener {
    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);

    private final Viewer viewer;
    private final ViewerMonitor monitor;
    private final Admission admission;
    private final InputDispatch input;

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
        monitor.stateChanged(viewer, state);
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
