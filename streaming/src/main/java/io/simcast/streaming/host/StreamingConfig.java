package io.simcast.streaming.host;

import io.simcast.sim.rl.RlLimits;
import io.simcast.streaming.Outputs;
import io.simcast.streaming.PortRange;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.IceServers;
import io.simcast.streaming.TurnSecret;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.StreamingMessages;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the streaming host can be told: where it listens, the video it sends, how many viewers it takes and
 * how WebRTC reaches them. Immutable; {@link #fromEnvironment} reads the variables documented in the README, and
 * {@link Builder} lets the command line override them.
 *
 * @param host address to bind; 127.0.0.1 unless the operator chooses to expose the host
 * @param port TCP port for HTTP and WebSocket; 0 picks a free one (tests)
 * @param video frame size and rate sent to every viewer
 * @param maxViewers viewers admitted at once; the next one is refused with a clear message
 * @param iceServers STUN/TURN servers for both ends, and how each peer gets its TURN credential
 * @param udpPorts UDP ports WebRTC may use on the host, or null for any
 * @param maxBodyBytes largest HTTP request body (scene uploads); larger ones get 413
 * @param defaultViewMode what a viewer watches when it does not say
 * @param latencyStamp write the capture time into every frame (bench mode, see docs/PERFORMANCE.md)
 * @param operatorToken the operator's token (scripts send it; the host keeps its digest only), or null: then only
 *     operator links, which the console and {@code serve} make, open the operator's page (docs/SECURITY.md)
 * @param linkFile where share links are kept between runs (0600, digests only), or empty: they end with the host
 * @param maxViewersPerLink viewers one share link admits at once, unless the link says otherwise
 * @param publicUrl where people open the page (behind a proxy, its address), or null for the address the host binds
 * @param tls certificate and key to serve HTTPS and WSS with, or null for HTTP
 * @param rlIdleTimeout RL environments without a request for this long are closed (a training script that died)
 * @param rlLimits how many RL environments, copies and drawn copies the host takes at once
 * @param outputs what the host encodes with FFmpeg: the broadcast to an SFU, recordings (see {@link Outputs})
 */
public record StreamingConfig(String host, int port, VideoFormat video, int maxViewers, IceServers iceServers,
                              PortRange udpPorts, long maxBodyBytes, ViewMode defaultViewMode, boolean latencyStamp,
                              String operatorToken, Optional<Path> linkFile, int maxViewersPerLink, URI publicUrl,
                              TlsFiles tls, Duration rlIdleTimeout, RlLimits rlLimits, Outputs outputs) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Every interface: what {@code serve --public} and the console's "Share on the network" bind. */
    public static final String ALL_INTERFACES = "0.0.0.0";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_MAX_VIEWERS = 16;
    /** Small, so that one link passed around cannot fill the host: a link for a class says how many it admits. */
    public static final int DEFAULT_MAX_VIEWERS_PER_LINK = 4;
    /** Twice the largest scene XML the compiler accepts, so JSON escaping of an allowed scene never hits it. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L << 20;
    /** Long enough for a training script paused to evaluate or checkpoint, short enough to free a crashed one's. */
    public static final Duration DEFAULT_RL_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final long MAX_RL_IDLE_TIMEOUT_SECONDS = 86_400;
    /**
     * Every environment variable {@link #fromEnvironment} reads, and the only ones it may read: deployment files are
     * checked against this list (DeployFilesTest), so a variable added here is one they may set.
     */
    public static final List<String> ENVIRONMENT = java.util.stream.Stream.concat(java.util.stream.Stream.of("HOST",
            "PORT", "FRAME_WIDTH", "FRAME_HEIGHT", "FRAME_RATE", "MAX_VIEWERS", "ICE_SERVERS", "TURN_USERNAME",
            "TURN_CREDENTIAL", "TURN_SECRET", "WEBRTC_UDP_PORTS", "VIEW_MODE", "RL_IDLE_TIMEOUT", "MAX_VIEWERS_PER_LINK", "PUBLIC_URL",
            "TLS_CERT", "TLS_KEY", "RL_MAX_ENVIRONMENTS", "RL_MAX_COPIES", "RL_MAX_NUM_ENVS", "RL_MAX_RENDERED_COPIES"),
            Outputs.VARIABLES.stream()).toList();

    /** The RL limits' variables, each also a serve option ({@code RL_MAX_COPIES} is {@code --rl-max-copies}). */
    public static final List<String> RL_LIMITS = List.of("RL_MAX_ENVIRONMENTS", "RL_MAX_COPIES", "RL_MAX_NUM_ENVS",
            "RL_MAX_RENDERED_COPIES");

    public StreamingConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(defaultViewMode, "defaultViewMode");
        Objects.requireNonNull(iceServers, "iceServers");
        Objects.requireNonNull(linkFile, "linkFile");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(StreamingMessages.badNumber("PORT", Integer.toString(port), 0, 65535));
        }
        if (maxViewers < 1 || maxViewers > 1000) {
            throw new IllegalArgumentException(
                    StreamingMessages.badNumber("MAX_VIEWERS", Integer.toString(maxViewers), 1, 1000));
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
        if (maxViewersPerLink < 1 || maxViewersPerLink > maxViewers) {
            throw new IllegalArgumentException(StreamingMessages.badNumber("MAX_VIEWERS_PER_LINK",
                    Integer.toString(maxViewersPerLink), 1, maxViewers));
        }
        if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null
                || !List.of("http", "https").contains(publicUrl.getScheme()))) {
            throw new IllegalArgumentException(StreamingMessages.badPublicUrl(publicUrl.toString()));
        }
        Objects.requireNonNull(rlIdleTimeout, "rlIdleTimeout");
        Objects.requireNonNull(outputs, "outputs");
        if (rlIdleTimeout.isNegative() || rlIdleTimeout.isZero()
                || rlIdleTimeout.toSeconds() > MAX_RL_IDLE_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(StreamingMessages.badSeconds("RL_IDLE_TIMEOUT",
                    Long.toString(rlIdleTimeout.toSeconds()), 1, MAX_RL_IDLE_TIMEOUT_SECONDS));
        }
        Objects.requireNonNull(rlLimits, "rlLimits");
    }

    /** The certificate chain and private key (PEM files) to serve HTTPS with. */
    public record TlsFiles(Path certificate, Path key) {}

    /** Whether the host listens on a loopback address only: then only this machine, or a forwarder on it, reaches it. */
    public boolean loopbackOnly() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /**
     * These settings on every interface, as {@code serve --public} binds: other machines can open the page (every
     * request shows a share link or the operator token, as always).
     */
    public StreamingConfig onEveryInterface() {
        return new StreamingConfig(ALL_INTERFACES, port, video, maxViewers, iceServers, udpPorts, maxBodyBytes,
                defaultViewMode, latencyStamp, operatorToken, linkFile, maxViewersPerLink, publicUrl, tls,
                rlIdleTimeout, rlLimits, outputs);
    }

    /** These settings on {@code newPort} (the console keeps the port it bound when it moves its host). */
    public StreamingConfig onPort(int newPort) {
        return new StreamingConfig(host, newPort, video, maxViewers, iceServers, udpPorts, maxBodyBytes,
                defaultViewMode, latencyStamp, operatorToken, linkFile, maxViewersPerLink, publicUrl, tls,
                rlIdleTimeout, rlLimits, outputs);
    }

    /** Never shows the operator token. */
    @Override
    public String toString() {
        return "StreamingConfig[" + host + ":" + port + ", " + video + ", maxViewers=" + maxViewers
                 + ", operatorToken=" + (operatorToken == null ? "none" : "set")
                + (tls == null ? "" : ", tls") + "]";
    }

    public static StreamingConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads HOST, PORT, FRAME_WIDTH, FRAME_HEIGHT, FRAME_RATE, MAX_VIEWERS, MAX_VIEWERS_PER_LINK, ICE_SERVERS
     * (comma-separated URLs), TURN_USERNAME, TURN_CREDENTIAL (for the turn: URLs) or TURN_SECRET (credentials
     * minted per peer), WEBRTC_UDP_PORTS (min-max),
     * VIEW_MODE (own|host), PUBLIC_URL, TLS_CERT, TLS_KEY, RL_IDLE_TIMEOUT (seconds) and the RL limits
     * ({@link #RL_LIMITS}). The operator token is not read here ({@code OperatorToken}).
     *
     * @throws IllegalArgumentException naming the variable and what it accepts
     */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder builder = builder();
        String value;
        if ((value = variable(env, "HOST")) != null && !value.isBlank()) {
            builder.host(value.strip());
        }
        if ((value = variable(env, "PORT")) != null) {
            builder.port(parse("PORT", value, 0, 65535));
        }
        if ((value = variable(env, "FRAME_WIDTH")) != null) {
            builder.width(parse("FRAME_WIDTH", value, 16, 3840));
        }
        if ((value = variable(env, "FRAME_HEIGHT")) != null) {
            builder.height(parse("FRAME_HEIGHT", value, 16, 2160));
        }
        if ((value = variable(env, "FRAME_RATE")) != null) {
            builder.fps(parse("FRAME_RATE", value, 1, 60));
        }
        if ((value = variable(env, "MAX_VIEWERS")) != null) {
            builder.maxViewers(parse("MAX_VIEWERS", value, 1, 1000));
        }
        if ((value = variable(env, "ICE_SERVERS")) != null && !value.isBlank()) {
            builder.iceServers(iceServers(Arrays.asList(value.split(",")), variable(env, "TURN_USERNAME"),
                    variable(env, "TURN_CREDENTIAL")));
        }
        if ((value = variable(env, "TURN_SECRET")) != null && !value.isEmpty()) {
            builder.turnSecret(TurnSecret.of(value));
        }
        if ((value = variable(env, "WEBRTC_UDP_PORTS")) != null && !value.isBlank()) {
            builder.udpPorts(PortRange.parse(value));
        }
        if ((value = variable(env, "VIEW_MODE")) != null && !value.isBlank()) {
            builder.defaultViewMode(ViewMode.parse(value.strip()));
        }
        if ((value = variable(env, "MAX_VIEWERS_PER_LINK")) != null) {
            builder.maxViewersPerLink(parse("MAX_VIEWERS_PER_LINK", value, 1, 1000));
        }
        if ((value = variable(env, "PUBLIC_URL")) != null && !value.isBlank()) {
            builder.publicUrl(publicUrl(value));
        }
        String cert = variable(env, "TLS_CERT");
        String key = variable(env, "TLS_KEY");
        if (cert != null && !cert.isBlank() || key != null && !key.isBlank()) {
            builder.tls(tls(cert, key));
        }
        if ((value = variable(env, "RL_IDLE_TIMEOUT")) != null && !value.isBlank()) {
            builder.rlIdleTimeout(idleTimeout(value));
        }
        for (String limit : RL_LIMITS) {
            if ((value = variable(env, limit)) != null && !value.isBlank()) {
                builder.rlLimit(limit, parse(limit, value, 1, RlLimits.CEILING));
            }
        }
        builder.outputs(Outputs.fromEnvironment(env));
        return builder;
    }

    /** ICE servers from URLs; the TURN user name and credential apply to the turn: and turns: URLs only. */
    public static List<IceServer> iceServers(List<String> urls, String turnUsername, String turnCredential) {
        List<IceServer> servers = new ArrayList<>();
        for (String url : urls) {
            String trimmed = url.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean turn = trimmed.startsWith("turn");
            servers.add(new IceServer(trimmed, turn ? turnUsername : null, turn ? turnCredential : null));
        }
        return servers;
    }

    /** Parses a public address; it must be an http: or https: URL (a trailing slash is added for links). */
    public static URI publicUrl(String text) {
        try {
            String url = text.strip();
            return new URI(url.endsWith("/") ? url : url + "/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(StreamingMessages.badPublicUrl(text), e);
        }
    }

    /** Both PEM files, or neither. */
    public static TlsFiles tls(String certificate, String key) {
        if (certificate == null || certificate.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException(StreamingMessages.tlsNeedsBoth());
        }
        return new TlsFiles(Path.of(certificate.strip()), Path.of(key.strip()));
    }

    /**
     * An RL idle timeout in whole seconds, as RL_IDLE_TIMEOUT and {@code --rl-idle-timeout} take it.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Duration idleTimeout(String seconds) {
        try {
            long parsed = Long.parseLong(seconds.strip());
            if (parsed >= 1 && parsed <= MAX_RL_IDLE_TIMEOUT_SECONDS) {
                return Duration.ofSeconds(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(StreamingMessages.badSeconds("RL_IDLE_TIMEOUT", seconds, 1,
                MAX_RL_IDLE_TIMEOUT_SECONDS));
    }

    /** The variable's value; reading one that {@link #ENVIRONMENT} does not list is a programming error. */
    private static String variable(Map<String, String> env, String name) {
        if (!ENVIRONMENT.contains(name)) {
            throw new IllegalStateException(name + " is read but not listed in StreamingConfig.ENVIRONMENT");
        }
        return env.get(name);
    }

    private static int parse(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(StreamingMessages.badNumber(name, value, min, max));
    }

    /** Collects settings; {@link #build()} validates them together. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int width = VideoFormat.DEFAULT.width();
        private int height = VideoFormat.DEFAULT.height();
        private int fps = VideoFormat.DEFAULT.fps();
        private int maxViewers = DEFAULT_MAX_VIEWERS;
        private List<IceServer> iceServers = List.of();
        private TurnSecret turnSecret;
        private PortRange udpPorts;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private ViewMode defaultViewMode = ViewMode.OWN;
        private boolean latencyStamp;
        private String operatorToken;
        private Path linkFile;
        private Integer maxViewersPerLink;
        private URI publicUrl;
        private TlsFiles tls;
        private Duration rlIdleTimeout = DEFAULT_RL_IDLE_TIMEOUT;
        private RlLimits rlLimits = RlLimits.DEFAULT;
        private Outputs outputs;

        private Builder() {}

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder width(int value) {
            width = value;
            return this;
        }

        public Builder height(int value) {
            height = value;
            return this;
        }

        public Builder fps(int value) {
            fps = value;
            return this;
        }

        public Builder maxViewers(int value) {
            maxViewers = value;
            return this;
        }

        public Builder iceServers(List<IceServer> value) {
            iceServers = value;
            return this;
        }

        /** The TURN server's shared secret: each peer gets a credential of its own (see {@link TurnSecret}). */
        public Builder turnSecret(TurnSecret value) {
            turnSecret = value;
            return this;
        }

        public Builder udpPorts(PortRange value) {
            udpPorts = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder defaultViewMode(ViewMode value) {
            defaultViewMode = value;
            return this;
        }

        public Builder latencyStamp(boolean value) {
            latencyStamp = value;
            return this;
        }

        public Builder operatorToken(String value) {
            operatorToken = value;
            return this;
        }

        /** Where share links are kept between runs; none: they end with the host. */
        public Builder linkFile(Path value) {
            linkFile = value;
            return this;
        }

        public Builder maxViewersPerLink(int value) {
            maxViewersPerLink = value;
            return this;
        }

        public Builder publicUrl(URI value) {
            publicUrl = value;
            return this;
        }

        public Builder tls(TlsFiles value) {
            tls = value;
            return this;
        }

        public Builder rlIdleTimeout(Duration value) {
            rlIdleTimeout = value;
            return this;
        }

        public Builder outputs(Outputs value) {
            outputs = value;
            return this;
        }

        public Builder rlLimits(RlLimits value) {
            rlLimits = value;
            return this;
        }

        /** Sets one RL limit by its variable's name (one of {@link #RL_LIMITS}). */
        public Builder rlLimit(String variable, int value) {
            RlLimits l = rlLimits;
            rlLimits = switch (variable) {
                case "RL_MAX_ENVIRONMENTS" -> new RlLimits(value, l.maxCopies(), l.maxNumEnvs(), l.maxRenderedCopies());
                case "RL_MAX_COPIES" -> new RlLimits(l.maxEnvironments(), value, l.maxNumEnvs(), l.maxRenderedCopies());
                case "RL_MAX_NUM_ENVS" -> new RlLimits(l.maxEnvironments(), l.maxCopies(), value, l.maxRenderedCopies());
                case "RL_MAX_RENDERED_COPIES" -> new RlLimits(l.maxEnvironments(), l.maxCopies(), l.maxNumEnvs(), value);
                default -> throw new IllegalArgumentException("not an RL limit: " + variable);
            };
            return this;
        }

        public StreamingConfig build() {
            return new StreamingConfig(host, port, new VideoFormat(width, height, fps), maxViewers,
                    new IceServers(iceServers, Optional.ofNullable(turnSecret)),
                    udpPorts, maxBodyBytes, defaultViewMode, latencyStamp, operatorToken,
                    Optional.ofNullable(linkFile),
                    maxViewersPerLink == null ? Math.min(maxViewers, DEFAULT_MAX_VIEWERS_PER_LINK) : maxViewersPerLink,
                    publicUrl, tls, rlIdleTimeout, rlLimits, outputs == null ? Outputs.defaults() : outputs);
        }
    }
}
