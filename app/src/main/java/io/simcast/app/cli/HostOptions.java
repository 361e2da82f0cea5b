package io.simcast.app.cli;

import io.simcast.encode.EncoderChoice;
import io.simcast.encode.broadcast.BroadcastTarget;
import io.simcast.streaming.Outputs;
import io.simcast.streaming.PortRange;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.ViewMode;
import io.simcast.sim.UserFolders;
import io.simcast.streaming.access.OperatorToken;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The streaming host's options, shared by {@code simcast serve} and {@code simcast console} (whose embedded host is
 * the same): options override the environment (HOST, PORT, FRAME_WIDTH, FRAME_HEIGHT, FRAME_RATE, MAX_VIEWERS,
 * MAX_VIEWERS_PER_LINK, ICE_SERVERS, TURN_USERNAME, TURN_CREDENTIAL, TURN_SECRET, WEBRTC_UDP_PORTS, VIEW_MODE, RL_IDLE_TIMEOUT,
 * the RL limits, PUBLIC_URL, TLS_CERT, TLS_KEY, SIMCAST_OPERATOR_TOKEN, ENCODER, BROADCAST_URL, BROADCAST_TOKEN,
 * BROADCAST_JANUS_URL, BROADCAST_ROOM, RECORDINGS_DIR), which override the defaults. {@code --public} binds every
 * interface and makes every request show a token (docs/SECURITY.md); the operator token is then resolved by
 * {@link OperatorToken}, and {@link #config} says where it is (never what it is).
 */
final class HostOptions {
    /** Every interface, for {@code --public}. */
    static final String ALL_INTERFACES = StreamingConfig.ALL_INTERFACES;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default 127.0.0.1, env HOST).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8000, env PORT).")
    Integer port;

    @Option(names = "--width", description = "Frame width in pixels (default 640, env FRAME_WIDTH).")
    Integer width;

    @Option(names = "--height", description = "Frame height in pixels (default 480, env FRAME_HEIGHT).")
    Integer height;

    @Option(names = "--fps", description = "Frames per second (default 30, env FRAME_RATE).")
    Integer fps;

    @Option(names = "--max-viewers", paramLabel = "N", description = "Viewers at once (default 16, env MAX_VIEWERS).")
    Integer maxViewers;

    @Option(names = "--ice-server", paramLabel = "URL",
            description = "STUN/TURN server URL, repeatable (env ICE_SERVERS, comma-separated). TURN credentials come"
                    + " from the environment only, so they never show in the process list: TURN_SECRET (the TURN"
                    + " server's static-auth-secret; each viewer gets its own short-lived credential) or"
                    + " TURN_USERNAME and TURN_CREDENTIAL (one user for everyone).")
    List<String> iceServers;

    @Option(names = "--udp-ports", paramLabel = "MIN-MAX",
            description = "UDP ports WebRTC may use (default any, env WEBRTC_UDP_PORTS).")
    String udpPorts;

    @Option(names = "--view", paramLabel = "own|host",
            description = "What a viewer watches unless it asks: its own camera or the host's view"
                    + " (default own, env VIEW_MODE).")
    String view;

    @Option(names = "--rl-idle-timeout", paramLabel = "SECONDS",
            description = "Close RL environments after this many seconds without a request (default 300,"
                    + " env RL_IDLE_TIMEOUT).")
    String rlIdleTimeout;

    @Option(names = "--rl-max-environments", paramLabel = "N",
            description = "RL environments open at once (default 32, env RL_MAX_ENVIRONMENTS).")
    Integer rlMaxEnvironments;

    @Option(names = "--rl-max-copies", paramLabel = "N",
            description = "RL environment copies open at once, all environments together; each holds 3-4 MB"
                    + " (default 1024, env RL_MAX_COPIES).")
    Integer rlMaxCopies;

    @Option(names = "--rl-max-num-envs", paramLabel = "N",
            description = "Copies one RL environment may have (num_envs; default 256, env RL_MAX_NUM_ENVS).")
    Integer rlMaxNumEnvs;

    @Option(names = "--rl-max-rendered-copies", paramLabel = "N",
            description = "RL copies drawn at once for viewers and rgb_array frames; each needs a renderer"
                    + " (default 4, env RL_MAX_RENDERED_COPIES).")
    Integer rlMaxRenderedCopies;

    @Option(names = "--public",
            description = "Serve other machines: bind every interface (unless --host says otherwise) and ask every"
                    + " request for a share link or the operator token, this machine's included (docs/SECURITY.md).")
    boolean publicHost;

    @Option(names = "--operator-token-file", paramLabel = "FILE",
            description = "Read the operator token from FILE, or make one there (readable by you only) when it does"
                    + " not exist (default: env SIMCAST_OPERATOR_TOKEN, else operator-token in your config folder).")
    Path operatorTokenFile;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Where people open the page, e.g. behind a proxy (default: this machine's address,"
                    + " env PUBLIC_URL). Share links start with it.")
    String publicUrl;

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Certificate chain (PEM) to serve HTTPS and WSS with; needs --tls-key (env TLS_CERT).")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM",
            description = "Unencrypted private key (PEM) for --tls-cert (env TLS_KEY).")
    String tlsKey;

    @Option(names = "--encoder", paramLabel = "auto|nvenc|qsv|vaapi|amf|x264",
            description = "H.264 encoder for the broadcast and recordings: auto takes the first that works, hardware"
                    + " before libx264 (default auto, env ENCODER; 'simcast check' lists them).")
    String encoder;

    @Option(names = "--broadcast", paramLabel = "URL",
            description = "Publish the shared view, encoded once, to this WHIP endpoint of an SFU (env BROADCAST_URL;"
                    + " a bearer token comes from BROADCAST_TOKEN only).")
    String broadcast;

    @Option(names = "--broadcast-janus", paramLabel = "URL",
            description = "The Janus API (ws://, wss://, http:// or https://) where pages that follow the host view"
                    + " play the broadcast, instead of connecting to this host (env BROADCAST_JANUS_URL).")
    String broadcastJanus;

    @Option(names = "--broadcast-room", paramLabel = "N",
            description = "The Janus VideoRoom the WHIP endpoint publishes into (default 1234, env BROADCAST_ROOM).")
    String broadcastRoom;

    @Option(names = "--recordings", paramLabel = "DIR",
            description = "Where recordings are written (default: recordings in your data folder, env"
                    + " RECORDINGS_DIR).")
    Path recordings;

    @Option(names = "--latency-stamp",
            description = "Draw the capture time into every frame so the page can measure glass-to-glass latency.")
    boolean latencyStamp;

    /**
     * The host's settings and where its operator token came from.
     *
     * @param tokenSource where the operator token is, in words (no secret), or null when there is none
     */
    record Resolved(StreamingConfig config, String tokenSource) {
        /** Tells the operator where the token is, on one line; nothing when there is none. */
        void announceToken(PrintWriter out) {
            if (tokenSource != null) {
                out.println("operator token: " + tokenSource);
                out.flush();
            }
        }
    }

    /** The environment's encoder, broadcast and recordings settings with the options on top. */
    private Outputs outputs(Outputs fromEnvironment, Map<String, String> env) {
        Outputs outputs = fromEnvironment;
        if (encoder != null) {
            outputs = outputs.withEncoder(EncoderChoice.parse(encoder));
        }
        if (broadcast != null || broadcastJanus != null || broadcastRoom != null) {
            Optional<BroadcastTarget> target = broadcast != null ? BroadcastTarget.resolve(broadcast, env)
                    : outputs.broadcast();
            Optional<Outputs.SfuPlayback> playback = broadcastJanus != null || broadcastRoom != null
                    ? Outputs.SfuPlayback.resolve(broadcastJanus != null ? broadcastJanus
                            : outputs.playback().map(p -> p.janus().toString()).orElse(null),
                            broadcastRoom != null ? broadcastRoom : env.get(Outputs.SfuPlayback.ROOM_VARIABLE), env)
                    : outputs.playback();
            outputs = outputs.withBroadcast(target, playback);
        }
        if (recordings != null) {
            outputs = outputs.withRecordings(recordings);
        }
        return outputs;
    }

    /**
     * The environment, then the options on top. Every host has an operator token (made and stored on first use, for
     * scripts on this machine), and keeps its share links, as digests, in the user's data folder (one file per port;
     * none for a port picked at random).
     *
     * @throws IllegalArgumentException naming the option, variable or file and what is wrong with it
     */
    Resolved config(Map<String, String> env) {
        StreamingConfig.Builder builder = StreamingConfig.fromEnvironment(env);
        String tokenSource = null;
        OperatorToken.Resolved token = OperatorToken.resolve(env, operatorTokenFile);
        builder.operatorToken(token.token());
        tokenSource = token.where();
        if (publicHost) {
            builder.host(ALL_INTERFACES);
        }
        if (host != null) {
            builder.host(host);
        }
        if (publicUrl != null) {
            builder.publicUrl(StreamingConfig.publicUrl(publicUrl));
        }
        if (tlsCert != null || tlsKey != null) {
            builder.tls(StreamingConfig.tls(tlsCert, tlsKey));
        }
        if (port != null) {
            builder.port(port);
        }
        if (width != null) {
            builder.width(width);
        }
        if (height != null) {
            builder.height(height);
        }
        if (fps != null) {
            builder.fps(fps);
        }
        if (maxViewers != null) {
            builder.maxViewers(maxViewers);
        }
        if (iceServers != null) {
            builder.iceServers(StreamingConfig.iceServers(iceServers, env.get("TURN_USERNAME"),
                    env.get("TURN_CREDENTIAL")));
        }
        if (udpPorts != null) {
            builder.udpPorts(PortRange.parse(udpPorts));
        }
        if (view != null) {
            builder.defaultViewMode(ViewMode.parse(view));
        }
        if (rlIdleTimeout != null) {
            builder.rlIdleTimeout(StreamingConfig.idleTimeout(rlIdleTimeout));
        }
        Integer[] limits = {rlMaxEnvironments, rlMaxCopies, rlMaxNumEnvs, rlMaxRenderedCopies};
        for (int i = 0; i < limits.length; i++) {
            if (limits[i] != null) {
                builder.rlLimit(StreamingConfig.RL_LIMITS.get(i), limits[i]);
            }
        }
        builder.outputs(outputs(builder.build().outputs(), env));
        StreamingConfig config = builder.latencyStamp(latencyStamp).build();
        if (config.port() != 0) {
            config = builder.linkFile(UserFolders.forThisUser().data().resolve("share-links-" + config.port() + ".json"))
                    .build();
        }
        return new Resolved(config, tokenSource);
    }
}
