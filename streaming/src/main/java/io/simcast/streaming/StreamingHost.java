package io.simcast.streaming;

import io.simcast.sim.SimcastVersion;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.streaming.api.ConfigResource;
import io.simcast.streaming.api.HealthResource;
import io.simcast.streaming.api.HostFacts;
import io.simcast.streaming.api.SceneResource;
import io.simcast.streaming.api.SimulationResource;
import io.simcast.streaming.api.StatsResource;
import io.simcast.streaming.http.WebServer;
import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.signaling.SignalingEndpoint;
import io.simcast.streaming.signaling.SignalingHub;
import io.simcast.streaming.signaling.WhepResource;
import io.simcast.streaming.viewer.ViewerRegistry;
import io.simcast.streaming.viewer.ViewerStats;
import io.simcast.streaming.viewer.Viewers;
import io.simcast.streaming.webrtc.WebRtcEngine;
import io.simcast.streaming.webrtc.WebRtcUnavailableException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming host: REST, the browser page, WebSocket signalling and WHEP on one embedded Undertow, and the
 * WebRTC viewers of one running {@link Simulation}. {@code simcast serve} and the console both start one.
 *
 * <p>{@link #start} and {@link #close} are called by the embedder's thread; everything else runs on the host's
 * named threads (see docs/ARCHITECTURE.md). When WebRTC's native library or the renderer is missing the host still
 * starts: REST and the page work, {@code /api/health} says {@code degraded} and why, and viewers are refused with
 * that reason. The simulation is the embedder's: the host never closes it.
 */
public final class StreamingHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamingHost.class);

    private final WebRtcEngine engine;
    private final FeedPool feeds;
    private final Viewers viewers;
    private final SignalingHub hub;
    private final WebServer server;
    private final URI address;

    private StreamingHost(WebRtcEngine engine, FeedPool feeds, Viewers viewers, SignalingHub hub, WebServer server) {
        this.engine = engine;
        this.feeds = feeds;
        this.viewers = viewers;
        this.hub = hub;
        this.server = server;
        InetSocketAddress bound = server.address();
        this.address = URI.create("http://" + hostForUrl(bound.getHostString()) + ":" + bound.getPort() + "/");
    }

    /**
     * Starts serving {@code simulation}.
     *
     * @throws IllegalArgumentException when the address cannot be bound (the message names it)
     */
    public static StreamingHost start(StreamingConfig config, Simulation simulation, Rendering rendering) {
        long started = System.nanoTime();
        WebRtcEngine engine = null;
        String webRtcProblem = null;
        try {
            engine = WebRtcEngine.start(config.iceServers(), config.udpPorts());
        } catch (WebRtcUnavailableException e) {
            webRtcProblem = e.getMessage();
            log.error("{}", webRtcProblem);
        }
        if (rendering.problem() != null) {
            log.error("{}", rendering.problem());
        }
        FeedPool feeds = engine == null || rendering.renderer() == null ? null
                : new FeedPool(engine, rendering.renderer(), config.video(), config.latencyStamp(),
                        rendering.hostView());
        String problem = webRtcProblem != null ? webRtcProblem : rendering.problem();
        Viewers viewers = new Viewers(new ViewerRegistry(config.maxViewers()), engine, feeds, simulation,
                config.video(), problem);
        SignalingHub hub = new SignalingHub(simulation, viewers::count);
        HostFacts facts = new HostFacts(SimcastVersion.version(), started, rendering.problem(), webRtcProblem,
                engine == null ? List.of() : engine.codecNames());
        SceneLimits sceneLimits = SceneLimits.DEFAULT;
        var handler = HostRoutes.build(
                new HealthResource(simulation, viewers, facts),
                new ConfigResource(config, facts, sceneLimits),
                new StatsResource(simulation, rendering.renderer(), viewers, feeds),
                new SceneResource(simulation, new SceneCompiler(sceneLimits), config.maxBodyBytes()),
                new SimulationResource(simulation, config.maxBodyBytes()),
                new SignalingEndpoint(viewers, hub, config.video(), config.iceServers(), config.defaultViewMode(),
                        config.latencyStamp()),
                new WhepResource(viewers, config.iceServers(), config.defaultViewMode()));
        WebServer server;
        try {
            server = WebServer.start(config.host(), config.port(), handler, 2 * config.maxBodyBytes());
        } catch (RuntimeException e) {
            shutdown(null, hub, viewers, feeds, engine);
            throw new IllegalArgumentException(StreamingMessages.cannotBind(config.host(), config.port(),
                    StreamingMessages.reason(e)), e);
        }
        StreamingHost host = new StreamingHost(engine, feeds, viewers, hub, server);
        log.info("Simcast serving {}", host.address);
        return host;
    }

    /** Where browsers open the page, e.g. {@code http://127.0.0.1:8000/}. */
    public URI address() {
        return address;
    }

    /** Viewers admitted now. */
    public int viewerCount() {
        return viewers.count();
    }

    /** Every admitted viewer as {@code GET /api/stats} shows it. Any thread; never blocks. */
    public List<ViewerStats> viewerStats() {
        return viewers.stats();
    }

    /**
     * Disconnects a viewer for the operator; its page says so and does not reconnect by itself. Any thread.
     *
     * @return completes with false when {@code viewerId} is not admitted (it left meanwhile)
     */
    public CompletableFuture<Boolean> disconnect(String viewerId) {
        return viewers.disconnect(viewerId);
    }

    /** Stops accepting, ends every viewer, closes the feeds and WebRTC, in that order. Call once. */
    @Override
    public void close() {
        shutdown(server, hub, viewers, feeds, engine);
        log.info("Simcast stopped serving {}", address);
    }

    private static void shutdown(WebServer server, SignalingHub hub, Viewers viewers, FeedPool feeds,
                                 WebRtcEngine engine) {
        if (server != null) {
            server.close();
        }
        hub.close();
        viewers.close();
        if (engine != null) {
            if (feeds != null) {
                try {
                    engine.run(() -> {
                        feeds.close();
                        return null;
                    }).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("Views did not close cleanly: {}", e.toString());
                }
            }
            engine.close();
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
