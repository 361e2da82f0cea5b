package io.simcast.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's input as JSON Schema, written fluently: {@code Schema.object().text("preset", "...").required("preset")}.
 * Every property says what it is for, so an agent can fill it in from the description alone. Built once per tool.
 */
final class Schema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    static Schema object() {
        return new Schema();
    }

    Schema text(String name, String description) {
        return property(name, Map.of("type", "string", "description", description));
    }

    Schema choice(String name, String description, List<String> values) {
        return property(name, Map.of("type", "string", "enum", values, "description", description));
    }

    Schema number(String name, String description) {
        return property(name, Map.of("type", "number", "description", description));
    }

    Schema integer(String name, String description, int minimum, int maximum) {
        return property(name, Map.of("type", "integer", "minimum", minimum, "maximum", maximum,
                "description", description));
    }

    Schema flag(String name, String description) {
        return property(name, Map.of("type", "boolean", "description", description));
    }

    Schema vector(String name, String description, int length) {
        return property(name, Map.of("type", "array", "items", Map.of("type", "number"), "minItems", length,
                "maxItems", length, "description", description));
    }

    Schema names(String name, String description) {
        return property(name, Map.of("type", "array", "items", Map.of("type", "string"), "description", description));
    }

    /** An object of names to a number or a list of numbers ({@code {"hinge": 0.5, "free": [0, 0, 1, 1, 0, 0, 0]}}). */
    Schema numbersByName(String name, String description) {
        Map<String, Object> value = Map.of("oneOf", List.of(Map.of("type", "number"),
                Map.of("type", "array", "items", Map.of("type", "number"))));
        return property(name, Map.of("type", "object", "additionalProperties", value, "description", description));
    }

    /** Rows of numbers, one per RL copy. */
    Schema rows(String name, String description) {
        return property(name, Map.of("type", "array", "items", Map.of("oneOf", List.of(Map.of("type", "number"),
                Map.of("type", "array", "items", Map.of("type", "number")))), "description", description));
    }

    /** The {@code sandbox} argument every simulation tool takes. */
    Schema sandbox() {
        return text("sandbox", "A sandbox id from open_sandbox to act on your private simulation; leave it out to act"
                + " on the shared simulation that people watch.");
    }

    Schema required(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    private Schema property(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
