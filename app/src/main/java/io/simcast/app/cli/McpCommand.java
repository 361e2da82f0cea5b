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
        Renderer renderer = null;
        String noRenderer = "";
        try {
            renderer = Renderer.start(simulation);
        } catch (RenderUnavailableException e) {
            noRenderer = e.getMessage();
        }
        StreamingHost host = null;
        try {
            if (serve) {
                host = StreamingHost.start(hostOptions.config(System.getenv()).config(), simulation,
                        renderer == null ? Rendering.unavailable(noRenderer) : Rendering.of(renderer),
                        LlmConfiguration::forThisUser, List.of(new McpHttp()));
            }
            StreamingHost started = host;
            try (McpStdio server = McpStdio.start(new McpStdio.Setup(simulation, Optional.ofNullable(renderer),
                    noRenderer, Optional.ofNullable(started).map(h -> new Sharing(h.links(), h::pageAddress)),
                    LlmConfiguration::forThisUser), System.in, protocol)) {
                server.awaitEnd();
            }
        } finally {
            if (host != null) {
                host.close();
            }
            if (renderer != null) {
                renderer.close();
            }
            simulation.close();
        }
        return 0;
    }
}
