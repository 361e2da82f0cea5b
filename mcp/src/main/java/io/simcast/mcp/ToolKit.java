package io.simcast.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.Json;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a tool's body into the SDK's tool specification: the result is JSON text (or the body's own result, for
 * pictures), and every failure becomes a tool error ({@code isError: true}) in words: MuJoCo's message and line for a
 * scene that does not compile, the argument that is wrong, the role that is missing. Nothing a tool throws ends the
 * session. Calls run on the transport's threads (a worker of the host, or the stdio reader's).
 */
final class ToolKit {
    private static final Logger log = LoggerFactory.getLogger(ToolKit.class);

    /** A tool's work: a value written as JSON, or a finished {@link McpSchema.CallToolResult}. */
    interface Body {
        Object call(ToolCall call) throws Exception;
    }

    private final Workspace workspace;

    ToolKit(Workspace workspace) {
        this.workspace = workspace;
    }

    Workspace workspace() {
        return workspace;
    }

    SyncToolSpecification tool(String name, String title, String description, Schema input, Body body) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).title(title).description(description)
                .inputSchema(input.build()).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            ToolCall call = new ToolCall(exchange, request, workspace.unauthenticated());
            try {
                Object value = body.call(call);
                return value instanceof McpSchema.CallToolResult result ? result : json(value);
            } catch (ToolError | IllegalArgumentException | IllegalStateException | java.util.NoSuchElementException
                     | SecurityException | SceneLoadException e) {
                return error(e.getMessage()); // the words name the problem (MuJoCo's, for scenes)
            } catch (ExecutionException e) {
                return error(StreamingMessages.reason(e));
            } catch (TimeoutException e) {
                return error(McpMessages.simulationBusy());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return error(McpMessages.unexpected(name, "interrupted"));
            } catch (Exception e) {
                log.warn("MCP tool {} failed", name, e);
                return error(McpMessages.unexpected(name, StreamingMessages.reason(e)));
            }
        }).build();
    }

    static McpSchema.CallToolResult json(Object value) {
        try {
            return McpSchema.CallToolResult.builder()
                    .content(List.of(new McpSchema.TextContent(Json.SNAKE_CASE.writeValueAsString(value))))
                    .isError(false).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(message))).isError(true)
                .build();
    }
}
