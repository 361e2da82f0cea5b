package io.simcast.mcp;

import static io.simcast.mcp.McpScenario.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.simcast.sim.physics.Simulation;
import io.simcast.streaming.Role;
import io.simcast.streaming.host.StreamingHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's {@code /mcp} with the MCP SDK's own Java client over Streamable HTTP: a real simulation, the EGL
 * renderer and Undertow on 127.0.0.1, a public host whose every request needs a token.
 */
class McpHttpTest {
    private static final String OPERATOR_TOKEN = "operator-token-for-mcp-tests-0123456789";
    private static McpTestHost world;
    private static Simulation simulation;
    private static StreamingHost host;
    private static McpHttp mcp;

    @BeforeAll
    static void start() throws Exception {
        mcp = new McpHttp(new Sandboxes.Limits(1, 8, Duration.ofMinutes(10)));
        world = McpTestHost.start(mcp, OPERATOR_TOKEN);
        simulation = world.simulation();
        host = world.host();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    static McpSyncClient client(String token) {
        return world.client(token);
    }

    @Test
    void anAgentWithTheOperatorTokenDrivesTheSharedSimulation() throws Exception {
        try (McpSyncClient client = client(OPERATOR_TOKEN)) {
            McpScenario.toolsAreListedWithSchemas(client);
            assertThat(call(client, "host_info", Map.of()).path("role").asText()).isEqualTo("operator");
            McpScenario.loadStepReadAndAct(client);
            McpScenario.picturesShowTheScene(client);
            McpScenario.badMjcfIsAToolErrorAndChangesNothing(client);
        }
    }

    @Test
    void theOperatorMakesViewerLinksThatOpenThePage() throws Exception {
        try (McpSyncClient client = client(OPERATOR_TOKEN)) {
            String url = call(client, "make_viewer_link", Map.of()).path("url").asText();
            assertThat(url).startsWith(host.pageAddress().toString()).contains("token=");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aViewerLinkIsRefusedAtMcp() throws Exception {
        String viewer = host.links().create(Role.VIEWER, null, 0).token().orElseThrow();
        HttpResponse<String> answer = post(viewer, null);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("controller");
        assertThat(post("not-a-token", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPageOnAnotherSiteIsRefusedByItsOrigin() throws Exception {
        HttpResponse<String> answer = post(OPERATOR_TOKEN, "http://evil.example:" + host.address().getPort());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("evil.example");
    }

    @Test
    void aControllerActsInItsSandboxButLoadsNothingIntoTheSharedScene() throws Exception {
        String controller = host.links().create(Role.CONTROLLER, null, 0).token().orElseThrow();
        String sandbox;
        try (McpSyncClient client = client(controller)) {
            McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("load_scene",
                    Map.of("preset", "cartpole")));
            assertThat(refused.isError()).isTrue();
            assertThat(McpScenario.text(refused)).contains("operator");
            McpSchema.CallToolResult link = client.callTool(new McpSchema.CallToolRequest("make_viewer_link",
                    Map.of()));
            assertThat(link.isError()).isTrue();

            sandbox = call(client, "open_sandbox", Map.of("preset", "cartpole")).path("sandbox").asText();
            assertThat(call(client, "get_state", Map.of("sandbox", sandbox)).path("scene").asText())
                    .isEqualTo("cartpole");
            McpSchema.CallToolResult second = client.callTool(new McpSchema.CallToolRequest("open_sandbox",
                    Map.of("preset", "pendulum")));
            assertThat(second.isError()).isTrue();
            assertThat(McpScenario.text(second)).contains("1 sandboxes open");
            call(client, "step", Map.of("sandbox", sandbox, "count", 5));
            assertThat(call(client, "get_state", Map.of()).path("scene").asText())
                    .isEqualTo(simulation.snapshot().sceneId());
            assertThat(mcp.workspace().sandboxes().find(sandbox)).isPresent();

            String env = call(client, "rl_create", Map.of("robot", "cartpole", "task", "balance", "num_envs", 2))
                    .path("env").asText();
            call(client, "rl_reset", Map.of("env", env, "seed", 1));
            JsonNode stepped = call(client, "rl_step", Map.of("env", env, "actions", List.of(List.of(0.5),
                    List.of(-0.5))));
            assertThat(stepped.path("observations").size()).isEqualTo(2);
            assertThat(stepped.path("rewards").size()).isEqualTo(2);
            try (McpSyncClient other = client(host.links().create(Role.CONTROLLER, null, 0).token().orElseThrow())) {
                McpSchema.CallToolResult notYours = other.callTool(new McpSchema.CallToolRequest("rl_step",
                        Map.of("env", env, "actions", List.of(List.of(0.0), List.of(0.0)))));
                assertThat(notYours.isError()).as("another link's environment").isTrue();
            }
            assertThat(call(client, "rl_close", Map.of("env", env)).path("closed").asText()).isEqualTo(env);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mcp.workspace().sandboxes().find(sandbox).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(mcp.workspace().sandboxes().find(sandbox)).as("closed with its session").isEmpty();
    }

    private static HttpResponse<String> post(String token, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.address().resolve(McpHttp.PATH))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
