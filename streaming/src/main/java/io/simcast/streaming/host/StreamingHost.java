package io.simcast.streaming.host;

import io.simcast.streaming.Outputs;
import io.simcast.encode.record.Recordings;
import io.simcast.streaming.StreamingMessages;
import io.simcast.sim.SimcastVersion;
import io.simcast.generate.ConnectionTester;
import io.simcast.generate.GenerationOptions;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.SceneGenerator;
import io.simcast.sim.rl.RlEnvironments;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.render.View;
import io.simcast.sim.physics.SceneLoading;
import io.simcast.sim.scene.IsolatedSceneCompiler;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.LinkStore;
import io.simcast.streaming.access.Tokens;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.api.ApiKeyResource;
import io.simcast.streaming.api.ConfigResource;
import io.simcast.streaming.api.GenerateResource;
import io.simcast.streaming.api.HealthResource;
import io.simcast.streaming.api.HostFacts;
import io.simcast.streaming.api.LinksResource;
import io.simcast.streaming.api.PanelResource;
import io.simcast.streaming.api.RecordingsResource;
import io.simcast.streaming.api.RlResource;
import io.simcast.streaming.api.SceneResource;
import io.simcast.streaming.api.SessionResource;
import io.simcast.streaming.api.SimulationResource;
import io.simcast.streaming.api.StatsResource;
import io.simcast.streaming.api.ViewerResource;
import io.simcast.streaming.http.PageAddress;
import io.simcast.streaming.http.PemTls;
import io.simcast.streaming.http.RouteTable;
import io.simcast.streaming.http.WebServer;
import io.simcast.streaming.media.FeedPool;
import io.simcast.streaming.output.HostOutputs;
import io.simcast.streaming.rl.CopyFrames;
import io.simcast.streaming.rl.CopyViews;
import io.simcast.streaming.rl.RendererBudget;
import io.simcast.streaming.rl.RlSessions;
import io.simcast.streaming.signaling.SignalingEndpoint;
import io.simcast.streaming.signaling.SignalingHub;
import io.simcast.streaming.signaling.WhepResource;
import io.simcast.streaming.viewer.ViewerRegistry;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.watch.SandboxRef;
import io.simcast.streaming.watch.WatchSources;
import io.simcast.streaming.viewer.Video;
import io.simcast.streaming.viewer.ViewerStats;
import io.simcast.streaming.viewer.Viewers;
import io.simcast.streaming.webrtc.WebRtcEngine;
import io.simcast.streaming.webrtc.WebRtcUnavailableException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming host: REST, the browser page, WebSocket signalling and WHEP on one embedded Undertow, and the
 * WebRTC viewers of one running {@link Simulation}, the RL environments scripts train in (and viewers may watch),
 * and scene generation from plain language. {@code simcast serve} and the console both start one.
 *
 * <p>{@link #start} and {@link #close} are called by the embedder's thread; everything else runs on the host's
 * named threads (see docs/ARCHITECTURE.md). When WebRTC's native library or the renderer is missing the host still
 * starts: REST and the page work, {@code /api/health} says {@code degraded} and why, and viewers are refused with
 * that reason. The simulation is the embedder's: the host never closes it.
 */
public final class StreamingHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamingHost.class);

    private final Parts parts;
    private final WebServer server;
    private final ShareLinks links;
    private final List<RouteTable.Route> routes;
    private final URI address;
    private final URI pageAddress;
    private final List<HostExtension> extensions;

    /** What the host closes, in order (see {@link #shutdown}). */
    private record Parts(Optional<WebRtcEngine> engine, Video video, Viewers viewers, SignalingHub hub,
                         CopyFrames copyFrames, RlSessions rl, HostOutputs outputs, WatchSources sandboxes) {}

    private StreamingHost(Parts parts, WebServer server, ShareLinks links, List<RouteTable.Route> routes, URI address,
                          URI pageAddress, List<HostExtension> extensions) {
        this.extensions = List.copyOf(extensions);
        this.parts = parts;
        this.server = server;
        this.links = links;
        this.routes = List.copyOf(routes);
        this.address = address;
        this.pageAddress = pageAddress;
    }

    /**
     * Starts serving {@code simulation}, with the language-model settings of the user running Simcast.
     *
     * @throws IllegalArgumentException when the address cannot be bound (the message names it)
     * @throws IllegalStateException when anything else stops the host (the message says what)
     */
    public static StreamingHost start(StreamingConfig config, Simulation simulation, Rendering rendering) {
        return start(config, simulation, rendering, LlmConfiguration::forThisUser);
    }

    /**
     * Starts serving {@code simulation}.
     *
     * @param llm the language-model settings for the API-key and generation endpoints, made on their first use
     *     (finding the desktop keychain runs a process)
     * @throws IllegalArgumentException when the address cannot be bound or the TLS files cannot be used (the message
     *     names it)
     * @throws IllegalStateException when anything else stops the host (the message says what)
     */
    public static StreamingHost start(StreamingConfig config, Simulation simulation, Rendering rendering,
                                      Supplier<LlmConfiguration> llm) {
        return start(config, simulation, rendering, llm, List.of());
    }

    /**
     * Starts serving {@code simulation} with extra routes (the MCP server): each extension mounts its routes, with
     * their access, beside the host's own, and is closed with the host.
     *
     * @throws IllegalArgumentException as {@link #start(StreamingConfig, Simulation, Rendering, Supplier)}
     */
    public static StreamingHost start(StreamingConfig config, Simulation simulation, Rendering rendering,
                                      Supplier<LlmConfiguration> llm, List<HostExtension> extensions) {
        long started = System.nanoTime();
        Optional<WebRtcEngine> engine;
        Optional<String> webRtcProblem;
        try {
            engine = Optional.of(WebRtcEngine.start(config.iceServers(), config.udpPorts()));
            webRtcProblem = Optional.empty();
        } catch (WebRtcUnavailableException e) {
            engine = Optional.empty();
            webRtcProblem = Optional.of(e.getMessage());
            log.error("{}", e.getMessage());
        }
        rendering.problem().ifPresent(problem -> log.error("{}", problem));
        HostOutputs outputs;
        try {
            outputs = HostOutputs.start(config.outputs(), renderer(rendering), hostView(rendering), config.video(),
                    config.latencyStamp());
        } catch (RuntimeException e) {
            engine.ifPresent(WebRtcEngine::close);
            throw e;
        }
        ShareLinks links = new ShareLinks(Optional.ofNullable(config.operatorToken()).map(Tokens::digest),
                config.maxViewersPerLink(), config.linkFile().map(LinkStore::file).orElse(LinkStore.NONE));
        Gatekeeper gatekeeper = new Gatekeeper(links);
        RlSessions rl = new RlSessions(new RlEnvironments(config.rlLimits()), config.rlIdleTimeout());
        RendererBudget renderers = new RendererBudget(config.rlLimits().maxRenderedCopies());
        WatchSources sandboxes = new WatchSources(config.video());
        Video video = engine.isPresent()
                ? video(engine.get(), rendering, outputs.sharedView(), rl, renderers, sandboxes, config)
                : new Video.Unavailable(webRtcProblem.orElseThrow());
        CopyFrames copyFrames = new CopyFrames(rl, renderers);
        Viewers viewers = new Viewers(new ViewerRegistry(config.maxViewers()), gatekeeper, video, simulation,
                config.video());
        SignalingHub hub = new SignalingHub(simulation, viewers::count,
                Renderer.drawing(renderer(rendering)));
        rl.addListener(new RlSessions.Listener() {
            @Override
            public void changed(List<RlSessions.Summary> open) {
                hub.environments(open);
            }

            @Override
            public void closed(String id, String reason) {
                viewers.environmentClosed(id, reason);
            }
        });
        sandboxes.addListener(new WatchSources.Listener() {
            @Override
            public void changed(List<WatchSources.Entry> open) {
                hub.sources(open);
            }

            @Override
            public CompletableFuture<Void> withdrawn(SandboxRef ref, String reason) {
                return viewers.sandboxWithdrawn(ref, reason);
            }
        });
        Parts parts = new Parts(engine, video, viewers, hub, copyFrames, rl, outputs, sandboxes);
        Supplier<LlmConfiguration> settings = LlmConfiguration.lazily(llm);
        HostFacts facts = new HostFacts(SimcastVersion.version(), started, rendering.problem(), webRtcProblem,
                engine.map(WebRtcEngine::codecNames).orElse(List.of()));
        SceneLimits sceneLimits = SceneLimits.DEFAULT;
        SceneLoading scenes = new SceneLoading(sceneLimits);
        Supplier<SceneGenerator> generator = () -> new SceneGenerator(settings.get(), GenerationOptions.DEFAULT);
        WebServer server = null;
        try {
            SSLContext tls = config.tls() == null ? null : PemTls.load(config.tls().certificate(), config.tls().key());
            // The port is known only once bound (0 picks one), and the links' addresses need it: resolve lazily.
            AtomicReference<URI> bound = new AtomicReference<>();
            RouteTable table = HostRoutes.table(gatekeeper, new HostRoutes.Resources(
                            new HealthResource(simulation, viewers, facts),
                            new ConfigResource(new ConfigResource.Config(facts.version(), config.video(),
                                    facts.codecs(), ConfigResource.describe(config.iceServers()),
                                    config.udpPorts() == null ? "any" : config.udpPorts().toString(),
                                    config.defaultViewMode().wireName(), new ConfigResource.Limits(
                                    config.maxViewers(), config.maxBodyBytes(), sceneLimits.maxXmlBytes()))),
                            new StatsResource(simulation, renderer(rendering), viewers, video, outputs::broadcast),
                            new SceneResource(simulation, scenes, config.maxBodyBytes()),
                            new SimulationResource(simulation, config.maxBodyBytes()),
                            new RlResource(rl, watchedCopies(video), copyFrames,
                                    new RlResource.Scenes(new SceneCompiler(sceneLimits),
                                            new IsolatedSceneCompiler(sceneLimits),
                                            () -> simulation.snapshot().scene().source()),
                                    config.maxBodyBytes()),
                            new ViewerResource(viewers, config.maxBodyBytes()),
                            new ApiKeyResource(settings, config.maxBodyBytes(), ConnectionTester.DEFAULT_TIMEOUT),
                            new GenerateResource(simulation, generator, config.maxBodyBytes()),
                            new LinksResource(links, viewers, bound::get, config.maxBodyBytes()),
                            new RecordingsResource(outputs, viewers, copies(video), config.video(),
                                    config.maxBodyBytes()),
                            new SessionResource(gatekeeper, tls != null || config.publicUrl() != null
                                    && "https".equalsIgnoreCase(config.publicUrl().getScheme())),
                            new PanelResource(simulation, hub::panel)),
                    new SignalingEndpoint(viewers, hub, links, config.video(), config.iceServers(),
                            config.defaultViewMode(), config.latencyStamp(), outputs.playback(),
                            outputs::requestKeyframe),
                    new WhepResource(viewers, config.iceServers(), config.defaultViewMode()));
            HostServices services = new HostServices(simulation, rendering, scenes, rl, links, bound::get, generator,
                    sandboxes);
            for (HostExtension extension : extensions) {
                for (HostExtension.Route route : extension.mount(services)) {
                    table.handler(route.method(), route.template(), route.access(), route.handler());
                }
            }
            server = WebServer.start(config.host(), config.port(), HostRoutes.handler(table,
                            outputs.playback().map(Outputs.SfuPlayback::origin).stream().toList(), tls != null,
                            config.loopbackOnly(),
                            Optional.ofNullable(config.publicUrl()).map(URI::getHost)),
                    2 * config.maxBodyBytes(), tls);
            URI address = PageAddress.local(server.address(), tls != null);
            URI forPeople = PageAddress.forPeople(config.publicUrl(), server.address(), tls != null);
            bound.set(forPeople);
            StreamingHost host = new StreamingHost(parts, server, links, table.routes(), address, forPeople,
                    extensions);
            String access = StreamingMessages.accessSummary(config.operatorToken() != null);
            if (forPeople.equals(address)) {
                log.info("Simcast serving {} ({})", address, access);
            } else {
                log.info("Simcast serving {} on this machine, {} for others ({})", address, forPeople, access);
            }
            return host;
        } catch (RuntimeException e) {
            shutdown(server, parts, extensions);
            throw StartFailures.explain(config.host(), config.port(), e);
        }
    }

    /**
     * Video for viewers when WebRTC started: the feeds of the renderer's views (followers watch {@code sharedView})
     * and of RL copies, or why not.
     */
    private static Video video(WebRtcEngine engine, Rendering rendering, Supplier<View> sharedView, RlSessions rl,
                               RendererBudget renderers, WatchSources sandboxes, StreamingConfig config) {
        return switch (rendering) {
            case Rendering.Available available -> new Video.Available(engine, new FeedPool(engine,
                    available.renderer(), config.video(), config.latencyStamp(), sharedView),
                    new CopyViews(rl, renderers, config.video()), sandboxes);
            case Rendering.Unavailable unavailable -> new Video.Unavailable(unavailable.reason());
        };
    }

    private static Optional<Renderer> renderer(Rendering rendering) {
        return switch (rendering) {
            case Rendering.Available available -> Optional.of(available.renderer());
            case Rendering.Unavailable ignored -> Optional.empty();
        };
    }

    /** The embedder's view for followers, or a supplier of null (nothing to render it with, or none given). */
    private static Supplier<View> hostView(Rendering rendering) {
        return switch (rendering) {
            case Rendering.Available available -> available.hostView();
            case Rendering.Unavailable ignored -> () -> null;
        };
    }

    /** The renderers of RL copies viewers watch; none without video. */
    private static Optional<CopyViews> copies(Video video) {
        return switch (video) {
            case Video.Available available -> Optional.of(available.copies());
            case Video.Unavailable ignored -> Optional.empty();
        };
    }

    /** The RL copies viewers watch now; none without video. */
    private static Supplier<Set<CopyRef>> watchedCopies(Video video) {
        return copies(video).<Supplier<Set<CopyRef>>>map(open -> open::watched).orElse(Set::of);
    }

    /** The sandboxes people may watch besides the simulation (what MCP sessions publish). */
    public WatchSources sandboxes() {
        return parts.sandboxes();
    }

    /** Where this host listens, e.g. {@code http://127.0.0.1:8000/}. */
    public URI address() {
        return address;
    }

    /**
     * Where people open the page, what share links start with: the public URL when one was configured, this machine's
     * network address when the host binds every interface, else {@link #address()}.
     */
    public URI pageAddress() {
        return pageAddress;
    }

    /**
     * A new operator link's address: the operator's own page, which opens once (what {@code serve} prints and the
     * console opens). Its token is in this address only.
     */
    public URI operatorPage() {
        return links.create(Role.OPERATOR, null, 0).address(pageAddress);
    }

    /** The share links: make, list and revoke them (the console's sharing section, {@code serve --public}). */
    public ShareLinks links() {
        return links;
    }

    /** Viewers admitted now. */
    public int viewerCount() {
        return parts.viewers().count();
    }

    /** Every route with the access it requires, as the table declares them. */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    /** The host's recordings: what the console's Record button starts and stops. */
    public Recordings recordings() {
        return parts.outputs().recordings();
    }

    /** The host's shared view (what followers watch and the broadcast sends), or a supplier of null. */
    public Supplier<View> sharedView() {
        return parts.outputs().sharedView();
    }

    /** Every admitted viewer as {@code GET /api/stats} shows it. Any thread; never blocks. */
    public List<ViewerStats> viewerStats() {
        return parts.viewers().stats();
    }

    /**
     * Disconnects a viewer for the operator; its page says so and does not reconnect by itself. Any thread.
     *
     * @return completes with false when {@code viewerId} is not admitted (it left meanwhile)
     */
    public CompletableFuture<Boolean> disconnect(String viewerId) {
        return parts.viewers().disconnect(viewerId);
    }

    /**
     * Stops accepting, ends every viewer, closes the feeds, the renderers of watched RL copies, the RL environments
     * and WebRTC, in that order. Call once.
     */
    @Override
    public void close() {
        shutdown(server, parts, extensions);
        log.info("Simcast stopped serving {}", address);
    }

    private static void closeAll(List<HostExtension> extensions) {
        for (HostExtension extension : extensions) {
            try {
                extension.close();
            } catch (RuntimeException e) {
                log.warn("A host extension did not close cleanly: {}", e.toString());
            }
        }
    }

    private static void shutdown(WebServer server, Parts parts, List<HostExtension> extensions) {
        if (server != null) {
            server.close();
        }
        closeAll(extensions);
        parts.hub().close();
        parts.viewers().close();
        // Freeing a track or the factory under a connection still at work would crash the JVM: leave them then.
        boolean quiet = parts.viewers().connectionsClosed();
        if (!quiet) {
            log.warn("A viewer's connection is still busy: its video and WebRTC are left for the process to free");
        }
        if (parts.video() instanceof Video.Available available) {
            if (quiet) {
                available.feeds().close();
            }
            available.copies().close();
        }
        parts.copyFrames().close();
        parts.rl().close();
        parts.outputs().close();
        parts.engine().filter(engine -> quiet).ifPresent(WebRtcEngine::close);
    }
}
