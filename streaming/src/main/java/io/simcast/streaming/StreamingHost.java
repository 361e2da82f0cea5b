package io.simcast.streaming;

import io.simcast.sim.SimcastVersion;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.IsolatedSceneCompiler;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.api.ConfigResource;
import io.simcast.streaming.api.HealthResource;
import io.simcast.streaming.api.HostFacts;
import io.simcast.streaming.api.LinksResource;
import io.simcast.streaming.api.SceneResource;
import io.simcast.streaming.api.SimulationResource;
import io.simcast.streaming.api.StatsResource;
import io.simcast.streaming.http.PemTls;
import io.simcast.streaming.http.RouteTable;
import io.simcast.streaming.http.WebServer;
import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.signaling.SignalingEndpoint;
import io.simcast.streaming.signaling.SignalingHub;
import io.simcast.streaming.signaling.WhepResource;
import io.simcast.streaming.viewer.ViewerRegistry;
import io.simcast.streaming.viewer.Viewers;
import io.simcast.streaming.webrtc.WebRtcEngine;
import io.simcast.streaming.webrtc.WebRtcUnavailableException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
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
    private final ShareLinks links;
    private final List<RouteTable.Route> routes;
    private final URI address;
    private final URI pageAddress;

    private StreamingHost(WebRtcEngine engine, FeedPool feeds, Viewers viewers, SignalingHub hub, WebServer server,
                          ShareLinks links, List<RouteTable.Route> routes, URI address, URI pageAddress) {
        this.engine = engine;
        this.feeds = feeds;
        this.viewers = viewers;
        this.hub = hub;
        this.server = server;
        this.links = links;
        this.routes = routes;
        this.address = address;
        this.pageAddress = pageAddress;
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
        ShareLinks links = new ShareLinks(config.operatorToken(), config.maxViewersPerLink());
        Gatekeeper gatekeeper = new Gatekeeper(links, config.localOperator());
        Viewers viewers = new Viewers(new ViewerRegistry(config.maxViewers()), gatekeeper, engine, feeds, simulation,
                config.video(), problem);
        SignalingHub hub = new SignalingHub(simulation, viewers::count);
        HostFacts facts = new HostFacts(SimcastVersion.version(), started, rendering.problem(), webRtcProblem,
                engine == null ? List.of() : engine.codecNames());
        SceneLimits sceneLimits = SceneLimits.DEFAULT;
        WebServer server = null;
        try {
            SSLContext tls = config.tls() == null ? null : PemTls.load(config.tls().certificate(), config.tls().key());
            // The port is known only once bound (0 picks one), and the links' addresses need it: resolve lazily.
            var bound = new java.util.concurrent.atomic.AtomicReference<URI>();
            URI configuredPage = config.publicUrl();
            RouteTable table = HostRoutes.table(gatekeeper, new HostRoutes.Resources(
                    new HealthResource(simulation, viewers, facts),
                    new ConfigResource(config, facts, sceneLimits),
                    new StatsResource(simulation, rendering.renderer(), viewers, feeds),
                    new SceneResource(simulation, new SceneCompiler(sceneLimits),
                            new IsolatedSceneCompiler(sceneLimits), config.maxBodyBytes()),
                    new SimulationResource(simulation, config.maxBodyBytes()),
                    new LinksResource(links, viewers, () -> configuredPage != null ? configuredPage : bound.get(),
                            config.maxBodyBytes()),
                    new SignalingEndpoint(viewers, hub, links, config.video(), config.iceServers(),
                            config.defaultViewMode(), config.latencyStamp()),
                    new WhepResource(viewers, config.iceServers(), config.defaultViewMode())));
            server = WebServer.start(config.host(), config.port(), HostRoutes.handler(table),
                    2 * config.maxBodyBytes(), tls);
            URI address = address(server.address(), tls != null);
            bound.set(address);
            StreamingHost host = new StreamingHost(engine, feeds, viewers, hub, server, links, table.routes(), address,
                    configuredPage != null ? configuredPage : address);
            log.info("Simcast serving {} ({})", host.address, StreamingMessages.accessSummary(config.localOperator(),
                    config.operatorToken() != null));
            return host;
        } catch (RuntimeException e) {
            shutdown(server, hub, viewers, feeds, engine);
            if (e instanceof IllegalArgumentException) {
                throw e; // TLS files: the message already names the file and the problem
            }
            throw new IllegalArgumentException(StreamingMessages.cannotBind(config.host(), config.port(),
                    StreamingMessages.reason(e)), e);
        }
    }

    private static URI address(InetSocketAddress bound, boolean tls) {
        return URI.create((tls ? "https://" : "http://") + hostForUrl(bound.getHostString()) + ":" + bound.getPort()
                + "/");
    }

    /** Where this host listens, e.g. {@code http://127.0.0.1:8000/}. */
    public URI address() {
        return address;
    }

    /** Where people open the page: the public URL when one was configured, else {@link #address()}. */
    public URI pageAddress() {
        return pageAddress;
    }

    /** The share links: make, list and revoke them (the console's sharing section, {@code serve --public}). */
    public ShareLinks links() {
        return links;
    }

    /** Every route with the access it requires, as the table declares them. */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    /** Viewers admitted now. */
    public int viewerCount() {
        return viewers.count();
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
