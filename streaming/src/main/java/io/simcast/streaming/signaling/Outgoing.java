package io.simcast.streaming.signaling;

import io.simcast.streaming.IceServer;
import io.simcast.streaming.VideoFormat;
import java.util.List;

/**
 * Every message the host sends on the signalling WebSocket (docs/PROTOCOL.md describes each). Records serialise
 * to JSON with their {@code type} first.
 */
public final class Outgoing {
    private Outgoing() {}

    /** First message after admission: who you are, what you may do, and how to connect. */
    public record Welcome(String type, String viewerId, String role, String viewMode, VideoFormat video,
                          List<IceServerEntry> iceServers, boolean latencyStamp, Scene scene, State state) {
        public Welcome(String viewerId, String role, String viewMode, VideoFormat video,
                       List<IceServerEntry> iceServers, boolean latencyStamp, Scene scene, State state) {
            this("welcome", viewerId, role, viewMode, video, iceServers, latencyStamp, scene, state);
        }
    }

    /** An RTCIceServer dictionary as the browser takes it (credentials included: the browser needs them). */
    public record IceServerEntry(List<String> urls, String username, String credential) {
        public static List<IceServerEntry> of(List<IceServer> servers) {
            return servers.stream().map(s -> new IceServerEntry(List.of(s.url()), s.username(), s.credential()))
                    .toList();
        }
    }

    public record Answer(String type, String sdp) {
        public Answer(String sdp) {
            this("answer", sdp);
        }
    }

    public record Candidate(String type, String candidate, String sdpMid, int sdpMLineIndex) {
        public Candidate(String candidate, String sdpMid, int sdpMLineIndex) {
            this("candidate", candidate, sdpMid, sdpMLineIndex);
        }
    }

    /** The simulation as the overlay shows it; sent twice a second and after every change. */
    public record State(String type, boolean playing, double speed, double time, double realTimeFactor,
                        int viewers) {
        public State(boolean playing, double speed, double time, double realTimeFactor, int viewers) {
            this("state", playing, speed, time, realTimeFactor, viewers);
        }
    }

    /** The scene running now; sent on welcome and whenever another one is loaded. */
    public record Scene(String type, String id, String title, long generation) {
        public Scene(String id, String title, long generation) {
            this("scene", id, title, generation);
        }
    }

    /** Something that happened to the simulation: {@code reset} or {@code diverged}. */
    public record Event(String type, String event, String sceneId, String detail) {
        public Event(String event, String sceneId, String detail) {
            this("event", event, sceneId, detail);
        }
    }

    /** The view this viewer now watches, after a {@code view} request. */
    public record View(String type, String mode) {
        public View(String mode) {
            this("view", mode);
        }
    }

    /** A message was refused or something broke; the connection stays unless a {@code bye} follows. */
    public record Error(String type, String code, String message) {
        public Error(String code, String message) {
            this("error", code, message);
        }
    }

    /**
     * Admission refused ({@code unauthorized}, {@code viewer_limit}, {@code link_limit}, {@code busy},
     * {@code unavailable}, {@code bad_request}); the socket closes after it.
     */
    public record Refused(String type, String reason, String message) {
        public Refused(String reason, String message) {
            this("refused", reason, message);
        }
    }

    /** The host ends this viewer; the socket closes after it. */
    public record Bye(String type, String reason) {
        public Bye(String reason) {
            this("bye", reason);
        }
    }
}
