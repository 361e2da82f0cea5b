package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.generate.GeneratedScene;
import io.simcast.generate.GenerationEvent;
import io.simcast.generate.GenerationRequest;
import io.simcast.generate.GenerationTask;
import io.simcast.generate.Provider;
import io.simcast.sim.physics.SceneLoading;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Scenes: the presets, loading a preset or MJCF text (outside text is checked in a separate process first, exactly
 * as the REST API does, through {@link SceneLoading}), the running scene's MJCF, and generating a scene from plain
 * language with a progress notification per attempt. Loading into the shared simulation is the operator's, as on
 * the REST API; a session may load anything into its own sandbox. A scene that does not compile comes back as a tool
 * error with MuJoCo's message and line, and the running scene keeps running.
 */
final class SceneTools {
    private SceneTools() {}

    /** What a scene change answers. */
    record Loaded(String target, String scene, String title, double time, int joints, int actuators,
                  List<String> warnings) {}

    record PresetInfo(String id, String title, String description) {}

    record Mjcf(String target, String scene, String mjcf) {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(
                kit.tool("list_presets", "List presets",
                        "The scenes Simcast ships (ids for load_scene and open_sandbox), with what each shows.",
                        Schema.object(), call -> presets()),
                kit.tool("load_scene", "Load a scene",
                        "Replace the running scene with a preset or with MJCF XML text you wrote. The text is checked"
                                + " in a separate process and compiled by MuJoCo 2.2.2 (autolimits is on); when it"
                                + " does not compile you get MuJoCo's message and line, and the old scene keeps"
                                + " running. The new scene starts paused or playing as the old one was, at its"
                                + " initial state (keyframe 0 when it has one). Loading into the shared simulation"
                                + " needs the operator role; your own sandbox takes anything.",
                        Schema.object().text("preset", "A preset id from list_presets, e.g. 'cartpole'.")
                                .text("mjcf", "A whole MJCF document, <mujoco>...</mujoco>, with no file assets.")
                                .sandbox(),
                        call -> load(ws, call)),
                kit.tool("get_scene_mjcf", "Get the scene's MJCF",
                        "The MJCF XML text of the running scene, as it was loaded.",
                        Schema.object().sandbox(), call -> {
                            Target target = ws.target(call);
                            SimulationSnapshot now = target.snapshot();
                            return new Mjcf(target.name(), now.sceneId(), now.scene().xml());
                        }),
                kit.tool("generate_scene", "Generate a scene from plain language",
                        "Ask the host's language model for a scene (for example 'a cart on a rail balancing a pole')."
                                + " Simcast compiles, runs and repairs each attempt and loads the first that works;"
                                + " a progress notification follows every attempt. Needs a language-model key set up"
                                + " on the host ('simcast llm set'). Takes up to a few minutes.",
                        Schema.object().text("prompt", "What the scene should contain, in plain words.")
                                .choice("provider", "Which configured provider to ask; the default one when left out.",
                                        java.util.Arrays.stream(Provider.values()).map(Provider::id).toList())
                                .sandbox().required("prompt"),
                        call -> generate(ws, call)));
    }

    static List<PresetInfo> presets() {
        return PresetCatalog.builtIn().presets().stream()
                .map(p -> new PresetInfo(p.id(), p.title(), p.description())).toList();
    }

    private static Loaded load(Workspace ws, ToolCall call) throws Exception {
        Target target = ws.target(call);
        requireLoadRole(target, call);
        Scene scene = compile(ws.scenes(), call);
        return apply(ws.scenes(), target, scene);
    }

    /** Compiles the {@code preset} or {@code mjcf} argument (exactly one). */
    static Scene compile(SceneLoading scenes, ToolCall call) throws SceneLoadException {
        if (call.has("preset") == call.has("mjcf")) {
            throw new ToolError(McpMessages.presetOrMjcf());
        }
        if (call.has("preset")) {
            String id = call.string("preset");
            PresetCatalog catalog = PresetCatalog.builtIn();
            Preset preset = catalog.find(id).orElseThrow(() -> new ToolError(McpMessages.noPreset(id,
                    catalog.presets().stream().map(Preset::id).toList())));
            return scenes.compile(preset);
        }
        return scenes.compileOutside(SceneSource.ofString(call.string("mjcf")));
    }

    private static void requireLoadRole(Target target, ToolCall call) {
        if (target.name().equals(Workspace.SHARED)) {
            call.require(Role.OPERATOR, "Loading a scene into the shared simulation");
        }
    }

    static Loaded apply(SceneLoading scenes, Target target, Scene scene) throws Exception {
        SceneLoading.Loaded loaded = scenes.apply(target.simulation(), scene);
        return loaded(target, loaded.after(), loaded.warnings());
    }

    static Loaded loaded(Target target, SimulationSnapshot after, List<String> warnings) {
        var description = target.describe(after);
        return new Loaded(target.name(), after.sceneId(), after.scene().title(), after.time(),
                description.joints().size(), description.actuators().size(), warnings);
    }

    private static Object generate(Workspace ws, ToolCall call) throws Exception {
        call.require(Role.CONTROLLER, "Generating a scene");
        Target target = ws.target(call);
        Provider provider = call.optionalString("provider").map(Provider::fromId).orElse(null);
        GenerationTask task = ws.generator().get().start(new GenerationRequest(call.string("prompt"), provider),
                event -> {
                    if (event instanceof GenerationEvent.AttemptStarted started) {
                        call.progress(started.attempt() - 1, (double) started.maxAttempts(), event.message());
                    } else if (event instanceof GenerationEvent.CompileFailed
                            || event instanceof GenerationEvent.CheckFailed
                            || event instanceof GenerationEvent.NoScene) {
                        call.progress(event.attempt(), null, event.message());
                    }
                });
        GeneratedScene generated;
        try {
            generated = task.result().get();
        } catch (ExecutionException e) {
            throw new ToolError(McpMessages.generationFailed(StreamingMessages.reason(e)));
        } catch (InterruptedException e) {
            task.cancel();
            throw e;
        }
        Loaded loaded = apply(ws.scenes(), target, generated.scene());
        return new Generated(loaded, generated.provider().id(), generated.model(), generated.attempts(),
                generated.xml());
    }

    record Generated(Loaded loaded, String provider, String model, int attempts, String mjcf) {}
}
