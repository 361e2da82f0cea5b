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
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
                    time("get_state", client, state, calls), plainPosts(address, token, calls)));
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
     * which waits for the renderer), once per run: alternately without and with the ahead-of-time cache the launcher
     * makes ({@code scripts/mcp-aot.sh}, trained here once first), so both rows share the moment's load; and,
     * given a {@code launcher} (the installed app's {@code bin/Simcast}), {@code launcher mcp} in the same turns.
     */
    public static List<Latencies> stdioStart(String scene, int runs, Optional<Path> launcher) {
        Optional<Path> cache = aotCache();
        List<Latencies> results = new ArrayList<>();
        double[][] without = new double[2][runs];
        double[][] with = new double[2][runs];
        double[][] launched = new double[2][runs];
        for (int i = 0; i < runs; i++) {
            start(simcastMcp(scene, Optional.empty()), without, i);
            if (cache.isPresent()) {
                start(simcastMcp(scene, cache), with, i);
            }
            if (launcher.isPresent()) {
                start(ServerParameters.builder(launcher.get().toString()).args("mcp", "--scene", scene).build(),
                        launched, i);
            }
        }
        results.add(sorted("stdio start to first answer", without[0]));
        results.add(sorted("stdio start to first picture", without[1]));
        if (cache.isPresent()) {
            results.add(sorted("... from the AOT cache", with[0]));
            results.add(sorted("... first picture, AOT cache", with[1]));
        }
        if (launcher.isPresent()) {
            results.add(sorted("... through --launcher", launched[0]));
            results.add(sorted("... first picture, --launcher", launched[1]));
        }
        return results;
    }

    private static void start(ServerParameters command, double[][] millis, int run) {
        long start = System.nanoTime();
        StdioClientTransport transport = new StdioClientTransport(command,
                new JacksonMcpJsonMapper(new ObjectMapper()));
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(TIMEOUT)
                .initializationTimeout(TIMEOUT).build()) {
            client.initialize();
            check(client.callTool(new McpSchema.CallToolRequest("host_info", Map.of())), "host_info");
            millis[0][run] = (System.nanoTime() - start) / 1e6;
            check(client.callTool(new McpSchema.CallToolRequest("render_picture",
                    Map.of("width", 320, "height", 240))), "render_picture");
            millis[1][run] = (System.nanoTime() - start) / 1e6;
        }
    }

    private static Latencies sorted(String what, double[] millis) {
        Arrays.sort(millis);
        return new Latencies(what, millis);
    }

    /** A fresh cache made by the launcher's own training script for this JVM's flags, or empty where it is missing. */
    private static Optional<Path> aotCache() {
        try {
            Path root = Path.of(McpBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().getParent().getParent();
            Path script = root.resolve("scripts/mcp-aot.sh");
            if (!Files.isExecutable(script)) {
                return Optional.empty();
            }
            Path cache = Files.createTempDirectory("simcast-bench-aot").resolve("mcp-bench.aot");
            List<String> command = new ArrayList<>(List.of(script.toString(), cache.toString(), java(),
                    System.getProperty("java.class.path")));
            command.addAll(jvmFlags());
            Process training = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!training.waitFor(5, TimeUnit.MINUTES)) {
                training.destroyForcibly();
            }
            return Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("could not train the AOT cache: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * {@code get_state} as plain JSON-RPC POSTs with the JDK's client on a session of its own: the server's part of a
     * call (HTTP, the SDK's server, the tool) without the MCP SDK client's own work, beside the SDK client's row.
     */
    private static Latencies plainPosts(URI address, String token, int calls) {
        URI mcp = address.resolve("/mcp");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> init = http.send(post(mcp, token, null, "{\"jsonrpc\":\"2.0\",\"id\":0,"
                    + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"simcast-bench\",\"version\":\"1\"}}}"),
                    HttpResponse.BodyHandlers.ofString());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow(
                    () -> new IllegalStateException("no MCP session: " + init.statusCode() + " " + init.body()));
            http.send(post(mcp, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    HttpResponse.BodyHandlers.discarding());
            double[] millis = new double[calls];
            for (int i = -calls / 5; i < calls; i++) {
                HttpRequest request = post(mcp, token, session, "{\"jsonrpc\":\"2.0\",\"id\":" + (i + calls + 1)
                        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"get_state\",\"arguments\":{}}}");
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                if (answer.statusCode() != 200 || !answer.body().contains("\"isError\":false")) {
                    throw new IllegalStateException("get_state answered " + answer.statusCode() + ": " + answer.body());
                }
                if (i >= 0) {
                    millis[i] = took / 1e6;
                }
            }
            Arrays.sort(millis);
            return new Latencies("get_state, plain POST (JDK client)", millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest post(URI mcp, String token, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
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

    private static ServerParameters simcastMcp(String scene, Optional<Path> cache) {
        List<String> args = new ArrayList<>(jvmFlags());
        cache.ifPresent(file -> args.add("-XX:AOTCache=" + file));
        args.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.simcast.app.cli.SimcastCommand", "mcp",
                "--scene", scene));
        return ServerParameters.builder(java()).args(args).addEnvVar("MALLOC_ARENA_MAX", "2").build();
    }

    /** This JVM's flags, and what the launcher adds for {@code simcast mcp} (the JVM's warnings go to stderr). */
    private static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        flags.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:aot*=error:stderr"));
        return flags;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** What {@code simcast bench mcp} prints for one measurement. */
    static String line(Latencies latencies) {
        return String.format("%-31s p50 %8.2f ms  p90 %8.2f ms  (%d timed)", latencies.what(),
                latencies.percentile(50), latencies.percentile(90), latencies.millis().length);
    }
}
