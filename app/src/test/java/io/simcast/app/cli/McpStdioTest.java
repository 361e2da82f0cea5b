package io.simcast.app.cli;

import static io.simcast.mcp.McpScenario.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.simcast.mcp.McpScenario;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code simcast mcp} as desktop clients launch it: a child process speaking MCP on its stdin and stdout, driven by
 * the MCP SDK's own Java client (which reads every line of stdout as JSON-RPC, so a stray log line would break it).
 */
class McpStdioTest {
    static ServerParameters simcastMcp(String... arguments) {
        List<String> args = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        args.add("-cp");
        args.add(System.getProperty("java.class.path"));
        args.add("io.simcast.app.cli.SimcastCommand");
        args.add("mcp");
        args.addAll(List.of(arguments));
        return ServerParameters.builder(ProcessHandle.current().info().command().orElse("java")).args(args)
                .addEnvVar("MALLOC_ARENA_MAX", "2").build();
    }

    @Test
    void anAgentDrivesSimcastOverStdio() throws Exception {
        StdioClientTransport transport = new StdioClientTransport(simcastMcp("--scene", "pendulum"),
                new JacksonMcpJsonMapper(new ObjectMapper()));
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            McpScenario.toolsAreListedWithSchemas(client);
            assertThat(call(client, "host_info", Map.of()).path("transport").asText()).isEqualTo("stdio");
            McpScenario.loadStepReadAndAct(client);
            McpScenario.picturesShowTheScene(client);
            McpScenario.badMjcfIsAToolErrorAndChangesNothing(client);
            McpSchema.CallToolResult link = client.callTool(new McpSchema.CallToolRequest("make_viewer_link",
                    Map.of()));
            assertThat(link.isError()).isTrue();
            assertThat(McpScenario.text(link)).contains("--serve");
        }
    }
}
