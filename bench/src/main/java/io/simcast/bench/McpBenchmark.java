package io.simcast.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * MCP tool calls as an agent makes them, with the MCP SDK's own Java client: over Streamable HTTP against a running
 * host ({@code /mcp}, one call after another on one session, each answer complete before the next request), and the
 * start of {@code simcast mcp} over stdio up to its first tool answer. Runs on the calling thread.
 */
public final class McpBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private McpBenchmark() {}

    /** Milliseconds of each timed call, sorted; percentiles read from them. */
    public record Latencies(String what, double[] millis) {
        public double percentile(double p) {
            return millis[Math.min(millis.length - 1, (int) Math.floor(p / 100 * millis.length))];
        }
    }

    /**
     * Over HTTP at {@code address}'s {@code /mcp} as the operator ({@code token}): reading the state of the running scene {@code calls} times, and {@code pictures} PNGs of
     * 640x480 from the model's default free camera (fast, then quality), each after a fifth as many untimed calls.
     */
    public static List<Latencies> overHttp(URI address, String token, int calls, int pictures) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(address.toString())
                .requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .endpoint("/mcp").build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(TIMEOUT).build()) {
            client.initialize();
            McpSchema.CallToolRequest state = new McpSchema.CallToolRequest("get_state", Map.of());
            List<Latencies> results = new ArrayList<>(List.of(floor(address, calls),
                    time("get_state", client, state, calls)));
            for (String quality : List.of("fast", "quality")) {
                results.add(time("render_picture 640x480 " + quality, client, new McpSchema.CallToolRequest(
                        "render_picture", Map.of("width", 640, "height", 480, "quality", quality)), pictures));
            }
            return results;
        }
    }

    /** The same host's plainest answer ({@code GET /api/health}) with the JDK's client: what HTTP alone costs here. */
    private static Latencies floor(URI address, int calls) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest health = HttpRequest.newBuilder(address.resolve("/api/health")).build();
            double[] millis = new double[calls];
            for (int i = -calls / 5; i < calls; i++) {
                long start = System.nanoTime();
                http.send(health, HttpResponse.BodyHandlers.ofString());
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            return new Latencies("HTTP floor: GET /api/health", millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Milliseconds from launching {@code simcast mcp --scene scene} (this JVM's flags and class path) to the answer of
     * its first tool call ({@code host_info}), including the MCP handshake, and on to its first picture (320x240,
     * which waits for the renderer: what every first answer cost while the server waited for its renderer), once per
     * run.
     */
    public static List<Latencies> stdioStart(String scene, int runs) {
        double[] answer = new double[runs];
        double[] picture = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            StdioClientTransport transport = new StdioClientTransport(simcastMcp(scene),
                    new JacksonMcpJsonMapper(new ObjectMapper()));
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(TIMEOUT)
                    .initializationTimeout(TIMEOUT).build()) {
                client.initialize();
                check(client.callTool(new McpSchema.CallToolRequest("host_info", Map.of())), "host_info");
                answer[i] = (System.nanoTime() - start) / 1e6;
                check(client.callTool(new McpSchema.CallToolRequest("render_picture",
                        Map.of("width", 320, "height", 240))), "render_picture");
                picture[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(answer);
        Arrays.sort(picture);
        return List.of(new Latencies("stdio start to first answer", answer),
                new Latencies("stdio start to first picture", picture));
    }

    private static Latencies time(String what, McpSyncClient client, McpSchema.CallToolRequest request, int calls) {
        for (int i = 0; i < Math.max(1, calls / 5); i++) {
            check(client.callTool(request), request.name());
        }
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            check(client.callTool(request), request.name());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Latencies(what, millis);
    }

    private static void check(McpSchema.CallToolResult result, String tool) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(tool + " answered an error: " + result.content());
        }
    }

    private static ServerParameters simcastMcp(String scene) {
        List<String> args = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        args.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.simcast.app.cli.SimcastCommand", "mcp",
                "--scene", scene));
        return ServerParameters.builder(ProcessHandle.current().info().command().orElse("java")).args(args)
                .addEnvVar("MALLOC_ARENA_MAX", "2").build();
    }

    /** What {@code simcast bench mcp} prints for one measurement. */
    static String line(Latencies latencies) {
        return String.format("%-31s p50 %8.2f ms  p90 %8.2f ms  (%d timed)", latencies.what(),
                latencies.percentile(50), latencies.percentile(90), latencies.millis().length);
    }
}
