package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.rl.Box;
import io.simcast.sim.rl.ResetOptions;
import io.simcast.sim.rl.RlCatalog;
import io.simcast.sim.rl.TrainingScript;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.http.JsonHandler;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.rl.RlSessions;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The RL endpoints (docs/RL.md, docs/PROTOCOL.md): the robots and tasks, and Gymnasium-style vector environments
 * created, reset, stepped and closed by id. JSON in Gymnasium's snake_case words. The RL layer's errors keep their
 * words and get their status here: a bad request 400, an unknown robot, task or id 404, a call out of order 409.
 *
 * <p>Worker threads only ({@code JsonHandler} dispatches there): a step runs the physics of every copy on the calling
 * worker (and the environment's lane threads), never on an IO thread. Each environment serialises its own calls.
 */
public final class RlResource {
    private static final String CREATE_EXAMPLE =
            "{\"robot\": \"cartpole\", \"task\": \"balance\", \"seed\": 0, \"num_envs\": 1}";
    private static final String RESET_EXAMPLE = "{\"seed\": 0, \"options\": {}}";

    private final RlSessions sessions;
    private final Supplier<Set<CopyRef>> watched;
    private final long maxBodyBytes;
    /** The catalogue never changes: encoded once. */
    private final Json.Encoded robots = Json.encode(Json.SNAKE_CASE, RlCatalog.builtIn().robots());

    /** @param watched the copies being shown to viewers now (none without video) */
    public RlResource(RlSessions sessions, Supplier<Set<CopyRef>> watched, long maxBodyBytes) {
        this.sessions = sessions;
        this.watched = watched;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * What {@code create} answers: the spaces of one copy, as Gymnasium's vector environments call them
     * ({@code single_observation_space}), under the names the training script reads.
     */
    public record Created(String id, String robot, String task, int numEnvs, Box observationSpace, Box actionSpace,
                          int maxEpisodeSteps, double controlTimestep) {}

    /**
     * One open environment in the listing.
     *
     * @param watchedCopies copies viewers are watching now
     */
    public record Listed(String id, String robot, String task, int numEnvs, int maxEpisodeSteps, double idleSeconds,
                         List<Integer> watchedCopies) {}

    public record Listing(List<Listed> environments, long idleTimeoutSeconds) {}

    public record Closed(String id, boolean closed) {}

    /** {@code GET /api/rl/robots}. */
    public Json.Encoded robots(HttpServerExchange exchange) {
        return robots;
    }

    /** {@code GET /api/rl}. */
    public Json.Encoded list(HttpServerExchange exchange) {
        Set<CopyRef> shown = watched.get();
        List<Listed> open = sessions.list().stream().map(e -> new Listed(e.id(), e.robot(), e.task(), e.numEnvs(),
                e.maxEpisodeSteps(), e.idleSeconds(), shown.stream().filter(c -> c.env().equals(e.id()))
                        .map(CopyRef::copy).sorted().toList())).toList();
        return Json.encode(Json.SNAKE_CASE, new Listing(open, sessions.idleTimeout().toSeconds()));
    }

    /** {@code POST /api/rl/create {"robot", "task", "seed", "num_envs", "max_episode_steps"}}. */
    public Json.Encoded create(HttpServerExchange exchange) throws Exception {
        JsonNode body = object(RequestBody.read(exchange, maxBodyBytes).text(), CREATE_EXAMPLE, false);
        String robot = text(body, "robot", "a robot id (GET /api/rl/robots)");
        String task = text(body, "task", "a task id of the robot (GET /api/rl/robots)");
        Long seed = whole(body, "seed");
        Long numEnvs = whole(body, "num_envs");
        Long maxEpisodeSteps = whole(body, "max_episode_steps");
        VectorEnv env = call(() -> sessions.create(robot, task, seed, numEnvs == null ? 1 : toInt(numEnvs),
                maxEpisodeSteps == null ? null : toInt(maxEpisodeSteps)));
        return Json.encode(Json.SNAKE_CASE, new Created(env.id(), robot, task, env.numEnvs(),
                env.singleObservationSpace(), env.singleActionSpace(), env.maxEpisodeSteps(),
                env.controlTimestep()));
    }

    /** {@code POST /api/rl/{id}/reset {"seed", "options"}}: every copy's first observation and info. */
    public Json.Encoded reset(HttpServerExchange exchange) throws Exception {
        JsonNode body = object(RequestBody.read(exchange, maxBodyBytes).text(), RESET_EXAMPLE, true);
        Long seed = whole(body, "seed");
        ResetOptions options = options(body.get("options"));
        VectorEnv env = call(() -> sessions.use(id(exchange)));
        return RlJson.reset(call(() -> env.reset(seed, options)));
    }

    /** {@code POST /api/rl/{id}/step {"actions"}}: actions of all copies, flat or one list per copy. */
    public Json.Encoded step(HttpServerExchange exchange) throws Exception {
        Object actions = RlJson.readActions(RequestBody.bytes(exchange, maxBodyBytes));
        VectorEnv env = call(() -> sessions.use(id(exchange)));
        return RlJson.step(call(() -> actions instanceof double[][] rows ? env.step(rows)
                : env.step((double[]) actions)));
    }

    /** {@code DELETE /api/rl/{id}}: closes it; viewers watching a copy of it go back to the simulation. */
    public Closed delete(HttpServerExchange exchange) {
        String id = id(exchange);
        call(() -> {
            sessions.close(id);
            return null;
        });
        return new Closed(id, true);
    }

    /**
     * {@code GET /api/rl/script?robot=R&task=T[&algo=ppo|sac]}: the Python training script {@code simcast rl script}
     * writes, as a file to save.
     */
    public JsonHandler.Reply script(HttpServerExchange exchange) {
        String robot = query(exchange, "robot", "a robot id (GET /api/rl/robots)");
        String task = query(exchange, "task", "a task id of the robot (GET /api/rl/robots)");
        Deque<String> algo = exchange.getQueryParameters().get("algo");
        String script = call(() -> TrainingScript.generate(robot, task, TrainingScript.Algorithm.of(
                algo == null ? TrainingScript.Algorithm.PPO.id() : algo.getFirst())));
        String file = "train_" + robot + "_" + task + ".py"; // known ids by now: generate refuses others
        return new JsonHandler.Reply(200, script, "text/x-python; charset=utf-8",
                Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""));
    }

    private static String query(HttpServerExchange exchange, String name, String expected) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.getFirst().isBlank()) {
            throw ApiException.badRequest(StreamingMessages.fieldMissing(name, expected));
        }
        return values.getFirst();
    }

    private static String id(HttpServerExchange exchange) {
        return exchange.getQueryParameters().get("id").getFirst();
    }

    /** Runs an RL call, giving its errors their HTTP status. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        }
    }

    /** The body as a JSON object; an empty body is an empty object where {@code emptyIsFine}. */
    private static JsonNode object(String text, String example, boolean emptyIsFine) {
        if (emptyIsFine && text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode body = SceneResource.parse(text);
        if (!body.isObject()) {
            throw ApiException.badRequest(StreamingMessages.expectedJsonObject(example));
        }
        return body;
    }

    private static String text(JsonNode body, String field, String expected) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(StreamingMessages.fieldMissing(field, expected));
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(StreamingMessages.fieldWrong(field, expected, describe(value)));
        }
        return value.asText();
    }

    /** A whole number, or null when absent or null. */
    private static Long whole(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw ApiException.badRequest(StreamingMessages.fieldWrong(field, "a whole number or null",
                    describe(value)));
        }
        return value.asLong();
    }

    /** A value as an error message quotes it: short values as they are, containers by kind. */
    static String describe(JsonNode value) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Out-of-range sizes become a value the RL layer refuses in its own words. */
    private static int toInt(long value) {
        return (int) Math.clamp(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static ResetOptions options(JsonNode options) {
        if (options == null || options.isNull()) {
            return ResetOptions.NONE;
        }
        if (!options.isObject()) {
            throw ApiException.badRequest(StreamingMessages.fieldWrong("options",
                    "an object of named numbers or lists of numbers", describe(options)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = Json.MAPPER.convertValue(options, Map.class);
        return ResetOptions.of(values);
    }
}
