package io.simcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.transport.ServerParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code simcast mcp} driven by a client no one here wrote: the MCP TypeScript SDK's ({@code @modelcontextprotocol/sdk},
 * installed from its committed lock file by {@code scripts/setup.sh --test}), run with node by
 * {@code src/test/node/mcp-client/client.mjs}, which launches the command as desktop clients do and prints what it saw.
 */
class McpTypeScriptClientTest {
    private static final Path CLIENT = Path.of("src/test/node/mcp-client");

    @Test
    void theTypeScriptSdksClientDrivesSimcastOverStdio() throws Exception {
        assertThat(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))
                .as("the TypeScript SDK is installed: run scripts/setup.sh --test").exists();
        ServerParameters simcast = McpStdioTest.simcastMcp("--scene", "pendulum");
        ObjectMapper json = new ObjectMapper();
        Map<String, String> env = new HashMap<>(System.getenv()); // node's client passes only a few by default
        env.putAll(simcast.getEnv());
        String server = json.writeValueAsString(Map.of("command", simcast.getCommand(), "args", simcast.getArgs(),
                "env", env));
        Path out = Files.createTempFile("mcp-ts-client", ".json");
        Path err = Files.createTempFile("mcp-ts-client", ".log");
        Process node = new ProcessBuilder("node", "client.mjs", server).directory(CLIENT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(node.waitFor(180, TimeUnit.SECONDS)).as("node finished").isTrue();
            assertThat(node.exitValue()).as(Files.readString(err)).isZero();
            JsonNode seen = json.readTree(Files.readString(out, StandardCharsets.UTF_8));
            assertThat(seen.path("tools").asInt()).isGreaterThanOrEqualTo(20);
            assertThat(seen.path("transport").asText()).isEqualTo("stdio");
            assertThat(seen.path("scene").asText()).isEqualTo("cartpole");
            assertThat(seen.path("time").asDouble()).isPositive();
            assertThat(seen.path("slider").asDouble()).as("pushed by a control of -1").isNegative();
            assertThat(seen.path("pngSignature").asText()).isEqualTo("PNG");
            assertThat(seen.path("brokenIsError").asBoolean()).isTrue();
            assertThat(seen.path("brokenText").asText()).containsIgnoringCase("line number=1");
            assertThat(seen.path("resources")).extracting(JsonNode::asText)
                    .contains("simcast://scene/current.xml", "simcast://presets");
            assertThat(seen.path("mjcfModel").asText()).isEqualTo("cartpole");
        } finally {
            node.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
