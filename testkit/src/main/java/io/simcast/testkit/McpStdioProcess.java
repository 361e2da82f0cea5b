package io.simcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A command that speaks MCP on its stdin and stdout ({@code simcast mcp} through a launcher: {@code ./simcast}, the
 * installed {@code /usr/bin/simcast}), started as desktop clients start it and spoken to in the MCP SDK's own
 * JSON-RPC types. Every line the command writes on stdout, up to its end, must be an MCP message (a stray line there
 * breaks every client), so each is parsed strictly as one and anything else fails the caller. Also tells what the
 * launcher left running: the command line of the process it became and that process's children. Used by one thread;
 * {@code mcp-stdio-stdout}, a virtual thread, reads stdout.
 */
public final class McpStdioProcess implements AutoCloseable {
    /** A failure guard only: a launcher's checks, the JVM's start and a scene's compile on a busy box. */
    private static final Duration ANSWER = Duration.ofMinutes(4);
    private static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

    private final Process process;
    private final Path stderr;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private int nextId = 1;

    private McpStdioProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = process.getOutputStream();
        this.reader = Thread.ofVirtual().name("mcp-stdio-stdout").start(this::readStdout);
    }

    /** Starts {@code command} with {@code environment} over this process's own; its stderr goes to {@code stderr}. */
    public static McpStdioProcess start(List<String> command, Map<String, String> environment, Path stderr)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return new McpStdioProcess(builder.start(), stderr);
    }

    /** MCP's handshake (initialize, then the initialized notification). */
    public void initialize() throws InterruptedException {
        request(McpSchema.METHOD_INITIALIZE, new McpSchema.InitializeRequest(ProtocolVersions.MCP_2025_06_18,
                McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("simcast-testkit", "1")));
        send(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_NOTIFICATION_INITIALIZED,
                null));
    }

    /** Calls tool {@code name}; its text answer as JSON. A tool error fails with the tool's words. */
    public JsonNode callTool(String name, Map<String, Object> arguments) throws InterruptedException {
        McpSchema.JSONRPCResponse response = request(McpSchema.METHOD_TOOLS_CALL,
                new McpSchema.CallToolRequest(name, arguments));
        McpSchema.CallToolResult result = JSON.convertValue(response.result(), McpSchema.CallToolResult.class);
        String text = ((McpSchema.TextContent) result.content().getFirst()).text();
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(name + " answered a tool error: " + text);
        }
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(name + " answered no JSON: " + text, e);
        }
    }

    /** The command line of the process the command is (after a launcher's exec), from /proc; empty once it ended. */
    public List<String> commandLine() {
        return commandLine(process.toHandle());
    }

    /** The processes it started and left running beside it. */
    public List<ProcessHandle> children() {
        return process.toHandle().children().toList();
    }

    /** {@code handle}'s command line from /proc; empty once it ended. */
    public static List<String> commandLine(ProcessHandle handle) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
            return Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private McpSchema.JSONRPCResponse request(String method, Object params) throws InterruptedException {
        int id = nextId++;
        send(new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method, id, params));
        long deadline = System.nanoTime() + ANSWER.toNanos();
        while (true) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null && !reader.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the command ended before it answered " + method + "; stderr:\n"
                        + stderrText());
            }
            if (line == null && System.nanoTime() > deadline) {
                throw new AssertionError("no answer to " + method + " within " + ANSWER + "; stderr:\n" + stderrText());
            }
            if (line == null) {
                continue;
            }
            if (parse(line) instanceof McpSchema.JSONRPCResponse response
                    && Integer.valueOf(id).equals(response.id())) {
                if (response.error() != null) {
                    throw new AssertionError(method + " answered an error: " + response.error().message());
                }
                return response;
            }
        }
    }

    private static McpSchema.JSONRPCMessage parse(String line) {
        try {
            return McpSchema.deserializeJsonRpcMessage(JSON, line);
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError("stdout carried a line that is no MCP message: " + line, e);
        }
    }

    private void send(McpSchema.JSONRPCMessage message) {
        try {
            stdin.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the command's input is closed; stderr:\n" + stderrText(), e);
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended: a waiting request fails with stderr's words
        }
    }

    private String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Ends the session as clients do, by closing its input: the command must then exit by itself, and what it wrote
     * on stdout until then must be MCP messages only.
     */
    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // it has ended already
        }
        if (!process.waitFor(ANSWER.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end when its input closed; stderr:\n" + stderrText());
        }
        reader.join(ANSWER);
        lines.forEach(McpStdioProcess::parse);
    }
}
