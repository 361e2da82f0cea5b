package io.simcast.streaming.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.rl.AutoresetMode;
import io.simcast.sim.rl.Box;
import io.simcast.sim.rl.CopyState;
import io.simcast.sim.rl.CustomSpec;
import io.simcast.sim.rl.ResetOptions;
import io.simcast.sim.rl.RlCatalog;
import io.simcast.sim.rl.Seeds;
import io.simcast.sim.rl.TrainingScript;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.sim.scene.IsolatedSceneCompiler;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.http.JsonHandler;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.rl.CopyFrames;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.rl.RlSessions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The RL endpoints (docs/RL.md, docs/PROTOCOL.md): the robots and tasks, and Gymnasium-style vector environments
 * created, reset, stepped, drawn, read, changed and closed by id. JSON in Gymnasium's snake_case words. The RL
 * layer's errors keep their words and get their status here: a bad request 400, driving an environment someone else
 * created 403, an unknown robot, task or id 404, a call out of order or a limit of drawing 409, no renderer 503.
 *
 * <p>Worker threads only ({@code JsonHandler} dispatches there): a step runs the physics of every copy on the calling
 * worker (and the environment's lane threads), never on an IO thread. Each environment serialises its own calls.
 */
public final class RlResource {
    private static final String CREATE_EXAMPLE =
            "{\"robot\": \"cartpole\", \"task\": \"balance\", \"seed\": 0, \"num_envs\": 1}";
    private static final String RESET_EXAMPLE = "{\"seed\": 0, \"options\": {}, \"reset_mask\": [true, false]}";
    private static final String STATE_EXAMPLE = "{\"copy\": 0, \"state\": {...what GET /api/rl/{id}/state gave}}";
    private static final int DEFAULT_WIDTH = 640;
    private static final int DEFAULT_HEIGHT = 480;

    /** Where custom environments' models come from. */
    public record Scenes(SceneCompiler presets, IsolatedSceneCompiler outside, Supplier<SceneSource> current) {}

    private final RlSessions sessions;
    private final Supplier<Set<CopyRef>> watched;
    private final CopyFrames frames;
    private final Scenes scenes;
    private final long maxBodyBytes;
    /** The catalogue never changes: encoded once. */
    private final Json.Encoded robots = Json.encode(Json.SNAKE_CASE, RlCatalog.builtIn().robots());

    /**
     * @param watched the copies being shown to viewers now (none without video)
     * @param frames draws single pictures of copies
     * @param scenes compiles the models of custom environments
     */
    public RlResource(RlSessions sessions, Supplier<Set<CopyRef>> watched, CopyFrames frames, Scenes scenes,
                      long maxBodyBytes) {
        this.sessions = sessions;
        this.watched = watched;
        this.frames = frames;
        this.scenes = scenes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * What {@code create} answers: the spaces of one copy, as Gymnasium's vector environments call them
     * ({@code single_observation_space}), under the names the Python package reads.
     */
    public record Created(String id, String robot, String task, int numEnvs, Box observationSpace, Box actionSpace,
                          int maxEpisodeSteps, double controlTimestep, String autoresetMode, String owner) {}

    /**
     * One open environment in the listing.
     *
     * @param watchedCopies copies viewers are watching now
     * @param owner who created it and may drive it
     * @param yours whether the caller may drive it
     */
    public record Listed(String id, String robot, String task, int numEnvs, int maxEpisodeSteps, double idleSeconds,
                         List<Integer> watchedCopies, String owner, boolean yours) {}

    public record Listing(List<Listed> environments, long idleTimeoutSeconds) {}

    public record Closed(String id, boolean closed) {}

    /** What setting a state answers: the copy's observation of it. */
    public record StateSet(int copy, double[] observation) {}

    /** {@code GET /api/rl/robots}. */
    public Json.Encoded robots(HttpServerExchange exchange) {
        return robots;
    }

    /** {@code GET /api/rl}. */
    public Json.Encoded list(HttpServerExchange exchange) {
        Set<CopyRef> shown = watched.get();
        Grant caller = caller(exchange);
        List<Listed> open = sessions.list().stream().map(e -> new Listed(e.id(), e.robot(), e.task(), e.numEnvs(),
                e.maxEpisodeSteps(), e.idleSeconds(), shown.stream().filter(c -> c.env().equals(e.id()))
                        .map(CopyRef::copy).sorted().toList(), e.owner(), e.drivableBy(caller))).toList();
        return Json.encode(Json.SNAKE_CASE, new Listing(open, sessions.idleTimeout().toSeconds()));
    }

    /**
     * {@code POST /api/rl/create {"robot", "task", "seed", "num_envs", "max_episode_steps", "autoreset_mode",
     * "task_options"}}, or {@code "custom": {...}} instead of robot and task for a model of one's own.
     */
    public Json.Encoded create(HttpServerExchange exchange) throws Exception {
        JsonNode body = object(RequestBody.read(exchange, maxBodyBytes).text(), CREATE_EXAMPLE, false);
        Long seed = whole(body, "seed");
        Long numEnvs = whole(body, "num_envs");
        Long maxEpisodeSteps = whole(body, "max_episode_steps");
        JsonNode mode = body.get("autoreset_mode");
        AutoresetMode autoreset = mode == null || mode.isNull() ? AutoresetMode.NEXT_STEP
                : call(() -> AutoresetMode.of(mode.isTextual() ? mode.asText() : describe(mode)));
        VectorEnv.Settings settings = new VectorEnv.Settings(numEnvs == null ? 1 : toInt(numEnvs), seed,
                maxEpisodeSteps == null ? null : toInt(maxEpisodeSteps), autoreset,
                options(body.get("task_options"), "task_options"), 0);
        Grant creator = caller(exchange);
        VectorEnv env;
        JsonNode custom = body.get("custom");
        if (custom != null && !custom.isNull()) {
            CustomSpec spec = call(() -> CustomSpec.parse(custom));
            SceneSource source = customSource(custom);
            env = call(() -> sessions.createCustom(spec, () -> compile(source), settings, creator));
        } else {
            String robot = text(body, "robot", "a robot id (GET /api/rl/robots), or \"custom\": {...}");
            String task = text(body, "task", "a task id of the robot (GET /api/rl/robots)");
            env = call(() -> sessions.create(robot, task, settings, creator));
        }
        return Json.encode(Json.SNAKE_CASE, new Created(env.id(), env.spec().robot(), env.spec().id(), env.numEnvs(),
                env.singleObservationSpace(), env.singleActionSpace(), env.maxEpisodeSteps(), env.controlTimestep(),
                env.autoresetMode().wireName(), creator == null || creator.linkId() == null ? "the operator"
                        : creator.describe()));
    }

    /** The model a custom environment names: its MJCF text, or a scene the host has (a preset, or "current"). */
    private SceneSource customSource(JsonNode custom) {
        JsonNode mjcf = custom.get("mjcf");
        JsonNode scene = custom.get("scene");
        if (mjcf != null && mjcf.isTextual() && (scene == null || scene.isNull())) {
            return SceneSource.ofString(mjcf.asText());
        }
        if (scene != null && scene.isTextual() && (mjcf == null || mjcf.isNull())) {
            if (scene.asText().equals("current")) {
                return scenes.current().get();
            }
            PresetCatalog catalog = PresetCatalog.builtIn();
            return catalog.find(scene.asText()).map(catalog::source).orElseThrow(() -> ApiException.notFound(
                    StreamingMessages.noPreset(scene.asText(), String.join(", ", catalog.presets().stream()
                            .map(p -> p.id()).toList()) + ", current")));
        }
        throw ApiException.badRequest(StreamingMessages.customNeedsOneModel());
    }

    /** Compiles a custom environment's model: Simcast's own directly, anything else checked in isolation first. */
    private Scene compile(SceneSource source) {
        try {
            return source.trusted() ? scenes.presets().compile(source) : scenes.outside().compile(source);
        } catch (SceneLoadException e) {
            throw new ApiException(400, e.getMessage(),
                    e.line().isPresent() ? Map.of("line", e.line().getAsInt()) : Map.of());
        }
    }

    /**
     * {@code POST /api/rl/{id}/reset {"seed", "options", "reset_mask"}}: every copy's observation and info (copies a
     * mask leaves out keep theirs and get an empty info). {@code seed} is a number (copy i gets seed + i), null, or a
     * list with one seed or null per copy.
     */
    public Json.Encoded reset(HttpServerExchange exchange) throws Exception {
        JsonNode body = object(RequestBody.read(exchange, maxBodyBytes).text(), RESET_EXAMPLE, true);
        Seeds seeds = seeds(body.get("seed"));
        ResetOptions options = options(body.get("options"), "options");
        boolean[] mask = mask(body.get("reset_mask"));
        VectorEnv env = call(() -> sessions.use(id(exchange), caller(exchange)));
        return RlJson.reset(call(() -> env.reset(seeds, options, mask)));
    }

    /** {@code POST /api/rl/{id}/step {"actions"}}: actions of all copies, flat or one list per copy. */
    public Json.Encoded step(HttpServerExchange exchange) throws Exception {
        Object actions = RlJson.readActions(RequestBody.bytes(exchange, maxBodyBytes));
        VectorEnv env = call(() -> sessions.use(id(exchange), caller(exchange)));
        return RlJson.step(call(() -> actions instanceof double[][] rows ? env.step(rows)
                : env.step((double[]) actions)));
    }

    /**
     * {@code GET /api/rl/{id}/render?copy=0&width=640&height=480&camera=NAME}: one picture of a copy as the last call
     * left it, Gymnasium's {@code rgb_array}: height x width x 3 bytes (RGB, top row first), its size in the headers
     * {@code Simcast-Width} and {@code Simcast-Height}. Anyone who may watch may ask.
     */
    public Object render(HttpServerExchange exchange) throws Exception {
        String id = id(exchange);
        int copy = queryInt(exchange, "copy", 0);
        int width = queryInt(exchange, "width", DEFAULT_WIDTH);
        int height = queryInt(exchange, "height", DEFAULT_HEIGHT);
        Optional<String> camera = queryText(exchange, "camera");
        CopyFrames.Picture picture;
        try {
            picture = frames.rgb(new CopyRef(id, copy), width, height, camera);
        } catch (RenderUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        } catch (RuntimeException e) {
            throw status(e);
        }
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
        exchange.getResponseHeaders().put(HttpString.tryFromString("Simcast-Width"),
                Integer.toString(picture.width()));
        exchange.getResponseHeaders().put(HttpString.tryFromString("Simcast-Height"),
                Integer.toString(picture.height()));
        exchange.getResponseHeaders().put(HttpString.tryFromString("Simcast-Time"),
                Double.toString(picture.time()));
        exchange.getResponseSender().send(ByteBuffer.wrap(picture.rgb()));
        return JsonHandler.WRITTEN;
    }

    /** {@code GET /api/rl/{id}/state?copy=0}: the copy's whole state ({@code CopyState}); anyone who may watch. */
    public Json.Encoded state(HttpServerExchange exchange) {
        int copy = queryInt(exchange, "copy", 0);
        VectorEnv env = call(() -> sessions.find(id(exchange)));
        return Json.encode(Json.SNAKE_CASE, call(() -> env.state(copy)));
    }

    /** {@code POST /api/rl/{id}/state {"copy", "state"}}: puts a state back; answers the copy's observation of it. */
    public StateSet setState(HttpServerExchange exchange) throws Exception {
        JsonNode body = object(RequestBody.read(exchange, maxBodyBytes).text(), STATE_EXAMPLE, false);
        Long copy = whole(body, "copy");
        JsonNode given = body.get("state");
        if (given == null || !given.isObject()) {
            throw ApiException.badRequest(StreamingMessages.fieldMissing("state",
                    "an object as GET /api/rl/{id}/state returns it"));
        }
        CopyState state;
        try {
            state = Json.SNAKE_CASE.treeToValue(given, CopyState.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(Json.invalid(e).getMessage());
        }
        VectorEnv env = call(() -> sessions.use(id(exchange), caller(exchange)));
        int index = copy == null ? 0 : toInt(copy);
        return new StateSet(index, call(() -> env.setState(index, state)));
    }

    /** {@code DELETE /api/rl/{id}}: closes it; viewers watching a copy of it go back to the simulation. */
    public Closed delete(HttpServerExchange exchange) {
        String id = id(exchange);
        call(() -> {
            sessions.close(id, caller(exchange));
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
        String algo = queryText(exchange, "algo").orElse(TrainingScript.Algorithm.PPO.id());
        String script = call(() -> TrainingScript.generate(robot, task, TrainingScript.Algorithm.of(algo)));
        String file = "train_" + robot + "_" + task + ".py"; // known ids by now: generate refuses others
        return new JsonHandler.Reply(200, script, "text/x-python; charset=utf-8",
                Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""));
    }

    /** The query parameter {@code name}, unless it is missing or blank. */
    private static Optional<String> queryText(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty()
                : Optional.of(values.getFirst()).filter(value -> !value.isBlank());
    }

    private static String query(HttpServerExchange exchange, String name, String expected) {
        return queryText(exchange, name)
                .orElseThrow(() -> ApiException.badRequest(StreamingMessages.fieldMissing(name, expected)));
    }

    private static Grant caller(HttpServerExchange exchange) {
        return exchange.getAttachment(Gatekeeper.GRANT);
    }

    private static String id(HttpServerExchange exchange) {
        return exchange.getQueryParameters().get("id").getFirst();
    }

    private static int queryInt(HttpServerExchange exchange, String name, int otherwise) {
        Optional<String> value = queryText(exchange, name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(StreamingMessages.fieldWrong(name, "a whole number",
                    describe(Json.MAPPER.getNodeFactory().textNode(value.get()))));
        }
    }

    /** Runs an RL call, giving its errors their HTTP status. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw status(e);
        }
    }

    private static RuntimeException status(RuntimeException e) {
        return switch (e) {
            case ApiException api -> api;
            case NoSuchElementException missing -> ApiException.notFound(missing.getMessage());
            case SecurityException refused -> new ApiException(403, refused.getMessage());
            case IllegalArgumentException bad -> ApiException.badRequest(bad.getMessage());
            case IllegalStateException order -> new ApiException(409, order.getMessage());
            default -> e;
        };
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
        return wholeValue(body.get(field), field, "a whole number or null");
    }

    private static Long wholeValue(JsonNode value, String field, String expected) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw ApiException.badRequest(StreamingMessages.fieldWrong(field, expected, describe(value)));
        }
        return value.asLong();
    }

    /** {@code seed}: a number, null, or one number or null per copy. */
    private static Seeds seeds(JsonNode value) {
        if (value == null || !value.isArray()) {
            return Seeds.of(wholeValue(value, "seed", "a whole number, null, or a list of one per copy"));
        }
        List<Long> each = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            each.add(wholeValue(value.get(i), "seed[" + i + "]", "a whole number or null"));
        }
        return Seeds.each(each);
    }

    /** {@code reset_mask}: one boolean per copy, or null for all. */
    private static boolean[] mask(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.badRequest(StreamingMessages.fieldWrong("reset_mask", "a list of booleans, one per"
                    + " copy", describe(value)));
        }
        boolean[] mask = new boolean[value.size()];
        for (int i = 0; i < mask.length; i++) {
            if (!value.get(i).isBoolean()) {
                throw ApiException.badRequest(StreamingMessages.fieldWrong("reset_mask[" + i + "]", "true or false",
                        describe(value.get(i))));
            }
            mask[i] = value.get(i).asBoolean();
        }
        return mask;
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

    private static ResetOptions options(JsonNode options, String field) {
        if (options == null || options.isNull()) {
            return ResetOptions.NONE;
        }
        if (!options.isObject()) {
            throw ApiException.badRequest(StreamingMessages.fieldWrong(field,
                    "an object of named numbers or lists of numbers", describe(options)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = Json.MAPPER.convertValue(options, Map.class);
        return ResetOptions.of(values);
    }
}
