package io.simcast.mcp;

/**
 * A tool call that cannot be done as asked: its message goes back to the agent as the tool's error result
 * ({@code isError: true}), in words it can act on. The session goes on.
 */
final class ToolError extends RuntimeException {
    ToolError(String message) {
        super(message, null, false, false);
    }
}
