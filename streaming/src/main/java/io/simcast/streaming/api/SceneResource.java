package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.scene.IsolatedSceneCompiler;
import io.simcast.sim.scene.MjcfSchema;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.http.RequestBody;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scene endpoints: what runs, what ships, and loading another one. A scene is compiled on the worker thread
 * first (an uploaded one after a check in a separate process, {@link IsolatedSceneCompiler}, so that no document can
 * crash, stall or exhaust the host); only a scene that compiled replaces the running one (between two physics steps),
 * and every viewer sees it at once through its view and a {@code scene} message. A scene that does not compile gets a
 * 400 with MuJoCo's message and the line it points at; the running scene keeps running.
 */
public final class SceneResource {
    private static final long APPLY_SECONDS = 5;

    private final Simulation simulation;
    private final SceneCompiler presets;
    private final IsolatedSceneCompiler uploads;
    private final long maxBodyBytes;
    /** The schema never changes: encoded once. */
    private final Json.Encoded schema = Json.encode(Json.MAPPER, MjcfSchema.mujoco().outline());

    /**
     * @param presets compiles Simcast's own presets (trusted)
     * @param uploads compiles everything else
     */
    public SceneResource(Simulation simulation, SceneCompiler presets, IsolatedSceneCompiler uploads,
                         long maxBodyBytes) {
        this.simulation = simulation;
        this.presets = presets;
        this.uploads = uploads;
        this.maxBodyBytes = maxBodyBytes;
    }

    public record CurrentScene(String id, String title, long generation, String xml) {}

    public record PresetInfo(String id, String title, String description) {}

    public record Presets(String current, List<PresetInfo> presets) {}

    public record Loaded(String id, String title, long generation, List<String> warnings) {}

    /** {@code GET /api/scene/current}. */
    public CurrentScene current(HttpServerExchange exchange) {
        SimulationSnapshot snapshot = simulation.snapshot();
        return new CurrentScene(snapshot.sceneId(), snapshot.scene().title(), snapshot.sceneGeneration(),
                snapshot.scene().xml());
    }

    /**
     * {@code GET /api/scene/schema}: MuJoCo's MJCF schema as a graph of places, what the page's editor completes
     * from (the console's editor reads the same {@link MjcfSchema}).
     */
    public Json.Encoded schema(HttpServerExchange exchange) {
        return schema;
    }

    /** {@code GET /api/scene/presets}. */
    public Presets presets(HttpServerExchange exchange) {
        return new Presets(simulation.snapshot().sceneId(), PresetCatalog.builtIn().presets().stream()
                .map(p -> new PresetInfo(p.id(), p.title(), p.description())).toList());
    }

    /** {@code POST /api/scene/load}: MJCF as the body, or JSON {@code {"xml": "..."}}. */
    public Loaded load(HttpServerExchange exchange) throws Exception {
        RequestBody body = RequestBody.read(exchange, maxBodyBytes);
        String xml;
        if (body.isJson()) {
            JsonNode json = parse(body.text());
            if (!json.path("xml").isTextual()) {
                throw ApiException.badRequest(StreamingMessages.expectedSceneXml());
            }
            xml = json.get("xml").asText();
        } else {
            xml = body.text();
        }
        SceneSource source = SceneSource.ofString(xml);
        return apply(() -> uploads.compile(source));
    }

    /** {@code POST /api/scene/preset/{id}}. */
    public Loaded preset(HttpServerExchange exchange) throws Exception {
        String id = exchange.getQueryParameters().get("id").getFirst();
        PresetCatalog catalog = PresetCatalog.builtIn();
        Preset preset = catalog.find(id).orElseThrow(() -> ApiException.notFound(StreamingMessages.noPreset(id,
                String.join(", ", catalog.presets().stream().map(Preset::id).toList()))));
        return apply(() -> presets.compile(catalog.source(preset)));
    }

    private interface Compilation {
        Scene run() throws SceneLoadException;
    }

    private Loaded apply(Compilation compilation) throws Exception {
        Scene scene;
        try {
            scene = compilation.run();
        } catch (SceneLoadException e) {
            throw new ApiException(400, e.getMessage(),
                    e.line().isPresent() ? Map.of("line", e.line().getAsInt()) : Map.of());
        }
        List<String> warnings = scene.warnings();
        SimulationSnapshot after;
        try {
            after = simulation.submit(new SimCommand.LoadScene(scene)).get(APPLY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw ApiException.badRequest(StreamingMessages.reason(e));
        } catch (TimeoutException e) {
            throw new ApiException(503, StreamingMessages.simulationBusy());
        }
        return new Loaded(after.sceneId(), after.scene().title(), after.sceneGeneration(), warnings);
    }

    static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
