package io.simcast.streaming.signaling;

import io.simcast.sim.core.ModelDescription;
import io.simcast.sim.physics.PanelSample;
import io.simcast.sim.render.CameraPose;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.input.Help;
import io.simcast.streaming.input.VisualWire;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.watch.SandboxRef;
import io.simcast.streaming.watch.WatchSources;
import io.simcast.streaming.rl.RlSessions;
import java.util.List;
import java.util.Map;

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

    /**
     * The host's side of the viewer's media path failed (libwebrtc gave it up): the page should restart ICE, an
     * offer of type {@code restart} on the same connection; the viewer is kept meanwhile.
     */
    public record Restart(String type) {
        public Restart() {
            this("restart");
        }
    }

    public record Candidate(String type, String candidate, String sdpMid, int sdpMLineIndex) {
        public Candidate(String candidate, String sdpMid, int sdpMLineIndex) {
            this("candidate", candidate, sdpMid, sdpMLineIndex);
        }
    }

    /**
     * The simulation as the overlay shows it; sent twice a second and after every change.
     *
     * @param selected the selected body's label, named in the view; empty when none is selected
     */
    public record State(String type, boolean playing, double speed, double time, double realTimeFactor,
                        int viewers, String selected) {
        public State(boolean playing, double speed, double time, double realTimeFactor, int viewers,
                     String selected) {
            this("state", playing, speed, time, realTimeFactor, viewers, selected);
        }
    }

    /**
     * The running scene's model as data (joints, actuators, sensors, keyframes, cameras, bodies): what the page's
     * panels are built from; sent on welcome and whenever another scene is loaded.
     */
    public record Model(String type, long generation, ModelDescription model) {
        public Model(long generation, ModelDescription model) {
            this("model", generation, model);
        }
    }

    /**
     * What a view of this viewer's own draws until it changes it (simulate's Rendering switches); sent after the
     * welcome. A follower of the host's view sees the host's switches instead.
     */
    public record Visual(String type, VisualWire visual) {
        public Visual(VisualWire visual) {
            this("visual", visual);
        }
    }

    /**
     * simulate's overlay keys (F1 to F4) and the page's panel each shows or hides ({"F3": "profiler"}), and the help
     * (F1) that lists every key and mouse gesture, all from the host's one key table; sent after the welcome.
     */
    public record Keys(String type, Map<String, String> panels, Help help) {
        public static Keys of(Map<String, String> panels, Help help) {
            return new Keys("keys", panels, help);
        }
    }

    /** The panels' live values (joints, controls, sensors, info, profiler), 10 Hz while sockets are open. */
    public record Panel(String type, PanelSample sample) {
        public Panel(PanelSample sample) {
            this("panel", sample);
        }
    }

    /** The scene running now; sent on welcome and whenever another one is loaded. */
    /** @param cameras the names of the model's fixed cameras, in model order ({@code ""} for an unnamed one) */
    public record Scene(String type, String id, String title, long generation, List<String> cameras) {
        public static Scene of(io.simcast.sim.scene.Scene scene, long generation) {
            return new Scene("scene", scene.id(), scene.title(), generation, scene.model().cameraNames());
        }
    }

    /**
     * Where this viewer's own camera is after a change it made: the model's fixed camera it looks through ({@code
     * fixed}, its index, and {@code name}; both absent for the free or a tracking camera) and the free camera's
     * orbit (distance in metres, azimuth and elevation in degrees).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Camera(String type, Integer fixed, String name, double distance, double azimuth,
                         double elevation) {
        public static Camera of(CameraPose pose) {
            return new Camera("camera", pose.fixed().isPresent() ? pose.fixed().getAsInt() : null,
                    pose.fixedName().orElse(null), pose.distance(), pose.azimuth(), pose.elevation());
        }
    }

    /** Something that happened to the simulation: {@code reset} or {@code diverged}. */
    public record Event(String type, String event, String sceneId, String detail) {
        public Event(String event, String sceneId, String detail) {
            this("event", event, sceneId, detail);
        }
    }

    /** The view this viewer now watches, after a {@code view} request. */
    /**
     * Where the page plays the host's broadcast from (before the welcome): a Janus API URL and the VideoRoom room
     * the host publishes into. A page in the host view plays it there and says {@code {"type": "broadcast"}}.
     */
    public record Broadcast(String type, String janus, long room) {
        public Broadcast(String janus, long room) {
            this("broadcast", janus, room);
        }
    }

    public record View(String type, String mode) {
        public View(String mode) {
            this("view", mode);
        }
    }

    /**
     * What this viewer now watches: {@code source} {@code simulation}, {@code rl} with the environment and copy, or
     * {@code sandbox} with its id; {@code reason} when the host switched it back (its environment or sandbox closed).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Watch(String type, String source, String env, Integer copy, String id, String reason) {
        public static Watch of(WatchRef watched, String reason) {
            return switch (watched) {
                case null -> new Watch("watch", WatchRef.SIMULATION, null, null, null, reason);
                case CopyRef copy -> new Watch("watch", copy.source(), copy.env(), copy.copy(), null, reason);
                case SandboxRef sandbox -> new Watch("watch", sandbox.source(), null, null, sandbox.id(), reason);
                default -> throw new IllegalArgumentException("Nothing to watch as " + watched);
            };
        }
    }

    /**
     * The sandboxes open on the host that a viewer may watch (MCP sessions'), by id, the name people see and what
     * runs them; sent after welcome and on every change.
     */
    public record Sources(String type, List<WatchSources.Entry> sandboxes) {
        public static Sources of(List<WatchSources.Entry> open) {
            return new Sources("sources", List.copyOf(open));
        }
    }

    /** The RL environments open on the host, which a viewer may watch; sent after welcome and on every change. */
    public record Environments(String type, List<EnvironmentEntry> environments) {
        public static Environments of(List<RlSessions.Summary> open) {
            return new Environments("environments", open.stream()
                    .map(e -> new EnvironmentEntry(e.id(), e.robot(), e.task(), e.numEnvs())).toList());
        }
    }

    /** One RL environment: its id, robot, task and number of copies. */
    public record EnvironmentEntry(String id, String robot, String task, int numEnvs) {}

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

    /**
     * The host ends this viewer; the socket closes after it. {@code reconnect} is false when the operator
     * disconnected the viewer: the page then stays disconnected.
     */
    public record Bye(String type, String reason, boolean reconnect) {
        public Bye(String reason, boolean reconnect) {
            this("bye", reason, reconnect);
        }
    }
}
