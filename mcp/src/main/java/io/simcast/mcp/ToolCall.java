package io.simcast.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tool call as the tools read it: its arguments (typed, with errors that name the argument), the caller's role
 * and session, and a way to report progress. The SDK already checked the arguments against the tool's schema; these
 * accessors still say what is wrong in words, for clients that skip that check. The thread of the call.
 */
final class ToolCall {
    /** Where the HTTP transport puts the caller's grant in the MCP transport context. */
    static final String GRANT = "simcast.grant";

    private final McpSyncServerExchange exchange;
    private final McpSchema.CallToolRequest request;
    private final Map<String, Object> args;
    private final Grant grant;

    ToolCall(McpSyncServerExchange exchange, McpSchema.CallToolRequest request, Grant unauthenticated) {
        this.exchange = exchange;
        this.request = request;
        this.args = request.arguments() == null ? Map.of() : request.arguments();
        Object grant = exchange == null || exchange.transportContext() == null ? null
                : exchange.transportContext().get(GRANT);
        this.grant = grant instanceof Grant known ? known : unauthenticated;
    }

    String tool() {
        return request.name();
    }

    Role role() {
        return grant.role();
    }

    /** Who is calling: the role, and the link it came from (RL environments belong to their creator's link). */
    Grant grant() {
        return grant;
    }

    /** The MCP session's id (sandboxes belong to it). */
    String session() {
        return exchange == null || exchange.sessionId() == null ? "local" : exchange.sessionId();
    }

    /** @throws ToolError when the caller's role is below {@code required} */
    void require(Role required, String what) {
        if (!grant.role().includes(required)) {
            throw new ToolError(McpMessages.roleTooLow(what, grant.role(), required));
        }
    }

    /** Tells the client how far a long call got, when it asked to hear (it sent a progress token). */
    void progress(double done, Double total, String message) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token != null && exchange != null) {
            exchange.progressNotification(new McpSchema.ProgressNotification(token, done, total, message));
        }
    }

    boolean has(String name) {
        return args.get(name) != null;
    }

    String string(String name) {
        return optionalString(name).orElseThrow(() -> new ToolError(McpMessages.missing(name)));
    }

    Optional<String> optionalString(String name) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new ToolError(McpMessages.wrongType(name, "text"));
        }
        return Optional.of(text);
    }

    Optional<Double> optionalNumber(String name) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            throw new ToolError(McpMessages.wrongType(name, "a number"));
        }
        return Optional.of(number.doubleValue());
    }

    double number(String name) {
        return optionalNumber(name).orElseThrow(() -> new ToolError(McpMessages.missing(name)));
    }

    Optional<Integer> optionalInteger(String name) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new ToolError(McpMessages.wrongType(name, "a whole number"));
        }
        return Optional.of(number.intValue());
    }

    Optional<Boolean> optionalBoolean(String name) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            throw new ToolError(McpMessages.wrongType(name, "true or false"));
        }
        return Optional.of(flag);
    }

    /** A list of numbers, e.g. a vector. */
    Optional<double[]> optionalNumbers(String name) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(numbers(name, value));
    }

    /** A list of names. */
    Optional<List<String>> optionalNames(String name) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new ToolError(McpMessages.wrongType(name, "a list of names"));
        }
        return Optional.of(list.stream().map(String.class::cast).toList());
    }

    /** An object whose values are numbers or lists of numbers, e.g. {@code {"hinge": 0.5}}. */
    Map<String, double[]> vectorsByName(String name) {
        Object value = args.get(name);
        if (value == null) {
            throw new ToolError(McpMessages.missing(name));
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ToolError(McpMessages.wrongType(name, "an object of names to numbers"));
        }
        Map<String, double[]> result = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            result.put(key, numbers(name + "." + key, entry.getValue()));
        }
        return result;
    }

    /** A list of lists of numbers (one row per RL copy), or one list for a single copy. */
    double[][] rows(String name) {
        Object value = args.get(name);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new ToolError(McpMessages.wrongType(name, "a list of numbers per copy, e.g. [[0.5], [-0.25]]"));
        }
        if (list.getFirst() instanceof Number) {
            return new double[][] {numbers(name, list)};
        }
        List<double[]> rows = new ArrayList<>();
        for (Object row : list) {
            rows.add(numbers(name, row));
        }
        return rows.toArray(double[][]::new);
    }

    private static double[] numbers(String name, Object value) {
        if (value instanceof Number number) {
            return new double[] {number.doubleValue()};
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(Number.class::isInstance)) {
            throw new ToolError(McpMessages.wrongType(name, "a number or a list of numbers"));
        }
        return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
