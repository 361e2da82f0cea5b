package io.simcast.streaming.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The hot path of the RL endpoints in JSON, with Jackson's streaming API: actions are read straight into double
 * arrays (no tree, no boxing), and reset and step answers are written number by number into one byte array. A step
 * of 16 ANYmal copies answers 752 observation numbers; building and walking a tree for them would cost more than the
 * request's HTTP handling. Stateless; any thread.
 */
final class RlJson {
    /**
     * Python's {@code json.dumps} writes NaN and Infinity bare: they are read as numbers so that the action check
     * can say which element is not finite, instead of a parse error.
     */
    private static final JsonFactory READ = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    /** The snake_case mapper's own factory: {@code infos} maps are written through its codec. */
    private static final JsonFactory WRITE = Json.SNAKE_CASE.getFactory();
    private static final String ACTIONS_EXAMPLE = "{\"actions\": [[0.5], [-0.25]]}";

    private RlJson() {}

    /**
     * The actions of a step body: {@code {"actions": [...]}} holding num_envs x action_dim numbers flat (the first
     * element is a number) or one list per copy (the first element is a list).
     *
     * @return {@code double[]} (flat), {@code double[][]} (rows), or null when {@code actions} is absent (the
     *     environment says what is missing)
     * @throws ApiException 400 naming the element that is not a number, or the JSON error
     */
    static Object readActions(byte[] body) {
        try (JsonParser parser = READ.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.badRequest(StreamingMessages.expectedJsonObject(ACTIONS_EXAMPLE));
            }
            Object actions = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("actions")) {
                    actions = readActionValue(parser, value);
                } else {
                    parser.skipChildren();
                }
            }
            return actions;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(Json.invalid(e).getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object readActionValue(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw ApiException.badRequest(StreamingMessages.actionsNotAList(describe(value)));
        }
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            List<double[]> rows = new ArrayList<>();
            for (JsonToken row = first; row != JsonToken.END_ARRAY; row = parser.nextToken()) {
                String where = "actions[" + rows.size() + "]";
                if (row != JsonToken.START_ARRAY) {
                    throw ApiException.badRequest(StreamingMessages.actionRowNotAList(where, describe(row)));
                }
                rows.add(readNumbers(parser, parser.nextToken(), where));
            }
            return rows.toArray(double[][]::new);
        }
        return readNumbers(parser, first, "actions");
    }

    /** Numbers up to the end of the array whose first element is {@code token}; {@code where} names the array. */
    private static double[] readNumbers(JsonParser parser, JsonToken token, String where) throws IOException {
        double[] numbers = new double[16];
        int count = 0;
        for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                throw ApiException.badRequest(StreamingMessages.actionNotANumber(where + "[" + count + "]",
                        describe(token)));
            }
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, count * 2);
            }
            numbers[count++] = parser.getDoubleValue();
        }
        return Arrays.copyOf(numbers, count);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> "nothing";
        };
    }

    /** {@code {"observations", "infos"}}. */
    static Json.Encoded reset(VectorEnv.Reset reset) {
        return write(reset.observations().length, generator -> {
            rows(generator, "observations", reset.observations());
            infos(generator, "infos", reset.infos());
        });
    }

    /**
     * {@code {"observations", "rewards", "terminated", "truncated", "infos"}}, one element per copy, and in same-step
     * autoreset mode {@code "final_obs"} and {@code "final_info"} (null for copies whose episode did not end).
     */
    static Json.Encoded step(VectorEnv.Step step) {
        return write(step.observations().length, generator -> {
            rows(generator, "observations", step.observations());
            generator.writeFieldName("rewards");
            generator.writeArray(step.rewards(), 0, step.rewards().length);
            booleans(generator, "terminated", step.terminated());
            booleans(generator, "truncated", step.truncated());
            infos(generator, "infos", step.infos());
            if (step.finals().isPresent()) {
                rows(generator, "final_obs", step.finals().get().observations());
                infos(generator, "final_info", step.finals().get().infos());
            }
        });
    }

    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    private static Json.Encoded write(int copies, Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + copies * 512);
        try (JsonGenerator generator = WRITE.createGenerator(out)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Json.Encoded(out.toByteArray());
    }

    /** Rows of numbers; a null row is written as null. */
    private static void rows(JsonGenerator generator, String name, double[][] rows) throws IOException {
        generator.writeFieldName(name);
        generator.writeStartArray();
        for (double[] row : rows) {
            if (row == null) {
                generator.writeNull();
            } else {
                generator.writeArray(row, 0, row.length);
            }
        }
        generator.writeEndArray();
    }

    private static void booleans(JsonGenerator generator, String name, boolean[] values) throws IOException {
        generator.writeFieldName(name);
        generator.writeStartArray();
        for (boolean value : values) {
            generator.writeBoolean(value);
        }
        generator.writeEndArray();
    }

    private static void infos(JsonGenerator generator, String name, List<Map<String, Object>> infos)
            throws IOException {
        generator.writeFieldName(name);
        generator.writeStartArray();
        for (Map<String, Object> info : infos) {
            generator.writeObject(info);
        }
        generator.writeEndArray();
    }
}
