package io.simcast.app.cli;

import io.simcast.streaming.PortRange;
import io.simcast.streaming.StreamingConfig;
import io.simcast.streaming.ViewMode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The streaming host's options, shared by {@code simcast serve} and {@code simcast console} (whose embedded host is
 * the same): options override the environment (HOST, PORT, FRAME_WIDTH, FRAME_HEIGHT, FRAME_RATE, MAX_VIEWERS,
 * ICE_SERVERS, TURN_USERNAME, TURN_CREDENTIAL, WEBRTC_UDP_PORTS, VIEW_MODE,
 * RL_IDLE_TIMEOUT), which override the defaults.
 */
final class HostOptions {
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
                    + " from TURN_USERNAME and TURN_CREDENTIAL only, so they never show in the process list.")
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

    @Option(names = "--latency-stamp",
            description = "Draw the capture time into every frame so the page can measure glass-to-glass latency.")
    boolean latencyStamp;

    /** The environment, then the options on top. */
    StreamingConfig config(Map<String, String> env) {
        StreamingConfig.Builder builder = StreamingConfig.fromEnvironment(env);
        if (host != null) {
            builder.host(host);
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
        return builder.latencyStamp(latencyStamp).build();
    }
}
