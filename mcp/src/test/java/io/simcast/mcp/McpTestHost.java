package io.simcast.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.render.Renderer;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.host.StreamingHost;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * A real host for the MCP tests: the pendulum preset, the EGL renderer, Undertow on 127.0.0.1 with an operator token
 * (every request needs a token), serving {@code /mcp} through {@code mcp}; and the MCP SDK's own Java client for it.
 */
record McpTestHost(Simulation simulation, Renderer renderer, StreamingHost host) implements AutoCloseable {
    static McpTestHost start(McpHttp mcp, String operatorToken) throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        Simulation simulation = Simulation.start(new SceneCompiler().compile(catalog.source(catalog.find("pendulum")
                .orElseThrow())));
        Renderer renderer = Renderer.start(simulation);
        StreamingHost host = StreamingHost.start(StreamingConfig.builder().host("127.0.0.1").port(0)
                        .operatorToken(operatorToken).build(), simulation, Rendering.of(renderer),
                () -> {
                    throw new AssertionError("no language model in this test");
                }, List.of(mcp));
        return new McpTestHost(simulation, renderer, host);
    }

    /** A client of {@code /mcp} carrying {@code token}, initialised. */
    McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(host.address().toString())
                .endpoint(McpHttp.PATH)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    @Override
    public void close() {
        host.close();
        renderer.close();
        simulation.close();
    }
}
