package io.simcast.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.simcast.generate.GenerationOptions;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.SceneGenerator;
import io.simcast.sim.physics.SceneLoading;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.rl.RlEnvironments;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.rl.RlSessions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * MCP over stdio ({@code simcast mcp}): what desktop clients launch. The process's standard input and output carry
 * JSON-RPC and nothing else (logs go to standard error); the caller is the operator, who launched it. Serves until
 * the client closes standard input. The simulation, renderer and host (when people may watch) are the caller's; the
 * server closes only what it made (sandboxes, RL environments).
 */
public final class McpStdio implements AutoCloseable {
    private final McpSyncServer server;
    private final Workspace workspace;
    private final RlSessions rl;
    private final CountDownLatch ended = new CountDownLatch(1);

    /**
     * What a stdio server serves.
     *
     * @param rendering the simulation's renderer, or why the machine cannot render; may still be starting (the
     *     server answers at once, and only pictures wait for it)
     * @param sharing a host's links when {@code simcast mcp --serve} started one, else empty
     */
    public record Setup(Simulation simulation, CompletableFuture<Rendering> rendering, Optional<Sharing> sharing,
                        Supplier<LlmConfiguration> llm) {}

    private McpStdio(Setup setup, InputStream in, OutputStream out) {
        Target shared = new Target(Workspace.SHARED, setup.simulation(), setup.rendering(), false);
        this.rl = new RlSessions(new RlEnvironments(), Duration.ofMinutes(5));
        Supplier<LlmConfiguration> settings = LlmConfiguration.lazily(setup.llm());
        this.workspace = new Workspace("stdio", shared, new SceneLoading(SceneLimits.DEFAULT), rl,
                new Sandboxes(Sandboxes.Limits.DEFAULT, () -> shared.renderer().isPresent(),
                        setup.sharing().map(Sharing::watchList)), setup.sharing(),
                () -> new SceneGenerator(settings.get(), GenerationOptions.DEFAULT), Grant.OPERATOR);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    int read = super.read(buffer, offset, length);
                    if (read < 0) {
                        ended.countDown();
                    }
                    return read;
                } catch (IOException e) {
                    ended.countDown();
                    throw e;
                }
            }

            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read < 0) {
                    ended.countDown();
                }
                return read;
            }
        };
        this.server = SimcastMcpServer.stdio(
                new StdioServerTransportProvider(SimcastMcpServer.jsonMapper(), watched, out), workspace);
    }

    /** Starts serving over {@code in} and {@code out} (the process's own, in {@code simcast mcp}). */
    public static McpStdio start(Setup setup, InputStream in, OutputStream out) {
        return new McpStdio(setup, in, out);
    }

    /** Waits until the client closes its end. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @Override
    public void close() {
        server.close();
        workspace.close();
        rl.close();
    }
}
