package io.simcast.app.cli;

import io.simcast.generate.LlmConfiguration;
import io.simcast.mcp.McpHttp;
import io.simcast.mcp.McpStdio;
import io.simcast.mcp.Sharing;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingHost;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast mcp}: the MCP server over stdio, which desktop AI clients launch (docs/MCP.md). It starts its own
 * simulation and renderer; with {@code --serve} also the host, so people can watch what the agent does (and the
 * agent can make viewer links). Standard output carries MCP's JSON-RPC and nothing else: this command points
 * {@code System.out} at standard error before anything can print, and logs go to standard error as always. Runs on
 * {@code main} until the client closes standard input, then closes what it started.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve the Model Context Protocol over stdio, for AI agents (Claude Desktop, Claude Code, ...).")
final class McpCommand implements Callable<Integer> {
    @Option(names = "--scene", paramLabel = "ID_OR_FILE", defaultValue = ServeCommand.DEFAULT_SCENE,
            description = "Preset id, MJCF/URDF file or folder to start with (default ${DEFAULT-VALUE}).")
    String scene;

    @Option(names = "--serve", description = "Also serve the page and WebRTC viewers (the host's options below), so"
            + " people can watch and the agent can make viewer links.")
    boolean serve;

    @CommandLine.Mixin
    HostOptions hostOptions = new HostOptions();

    @Override
    public Integer call() throws Exception {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true)); // stdout is the protocol's
        Simulation simulation = Simulation.start(new SceneCompiler().compile(
                SceneLocator.locate(scene, SceneLimits.DEFAULT)));
        // The EGL context takes a second or more: the protocol answers meanwhile, only pictures wait for it.
        CompletableFuture<Rendering> rendering = new CompletableFuture<>();
        Thread.ofPlatform().name("simcast-mcp-renderer-start").daemon().start(() -> {
            try {
                rendering.complete(Rendering.of(Renderer.start(simulation)));
            } catch (RenderUnavailableException e) {
                rendering.complete(Rendering.unavailable(e.getMessage()));
            } catch (RuntimeException | Error e) {
                rendering.completeExceptionally(e);
            }
        });
        StreamingHost host = null;
        try {
            if (serve) {
                host = StreamingHost.start(hostOptions.config(System.getenv()).config(), simulation,
                        rendering.join(), LlmConfiguration::forThisUser, List.of(new McpHttp()));
            }
            StreamingHost started = host;
            try (McpStdio server = McpStdio.start(new McpStdio.Setup(simulation, rendering,
                    Optional.ofNullable(started).map(h -> new Sharing(h.links(), h::pageAddress, h.sandboxes())),
                    LlmConfiguration::forThisUser), System.in, protocol)) {
                server.awaitEnd();
            }
        } finally {
            if (host != null) {
                host.close();
            }
            if (rendering.handle((made, failure) -> made).join() instanceof Rendering.Available available) {
                available.renderer().close();
            }
            simulation.close();
        }
        return 0;
    }
}
