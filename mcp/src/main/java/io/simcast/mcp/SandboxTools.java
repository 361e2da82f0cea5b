package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.scene.Scene;
import io.simcast.streaming.Role;
import java.util.List;
import java.util.Map;

/**
 * Sandboxes: a private simulation of this session's own, for trying things without touching what people watch.
 * Every simulation tool takes its id as {@code sandbox}. It closes with the session, when idle, or on request.
 */
final class SandboxTools {
    private SandboxTools() {}

    record Opened(String sandbox, SceneTools.Loaded scene, int openInSession, int perSession) {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        Sandboxes.Limits limits = ws.sandboxes().limits();
        return List.of(
                kit.tool("open_sandbox", "Open a private sandbox",
                        "Start a private simulation for this session, paused, with a preset, your MJCF, or (with"
                                + " neither) a copy of the shared scene. Pass its id as 'sandbox' to any simulation"
                                + " tool. At most " + limits.perSession() + " per session; closed when the session"
                                + " ends, after " + limits.idle().toMinutes() + " idle minutes, or by close_sandbox."
                                + " People watch it live from the page's Watch list, or from a make_viewer_link"
                                + " link made for it.",
                        Schema.object().text("preset", "A preset id from list_presets.")
                                .text("mjcf", "A whole MJCF document.")
                                .text("name", "What people see in the page's Watch list, e.g. 'Gripper trial 3';"
                                        + " the id and the scene's title when left out."),
                        call -> {
                            call.require(Role.CONTROLLER, "Opening a sandbox");
                            Scene scene = call.has("preset") || call.has("mjcf")
                                    ? SceneTools.compile(ws.scenes(), call)
                                    : ws.scenes().compile(ws.shared().snapshot().scene().source());
                            Sandboxes.Sandbox sandbox = ws.sandboxes().open(call.session(), scene,
                                    call.optionalString("name"));
                            SimulationSnapshot now = sandbox.target().snapshot();
                            return new Opened(sandbox.id(), SceneTools.loaded(sandbox.target(), now, scene.warnings()),
                                    ws.sandboxes().ofSession(call.session()).size(), limits.perSession());
                        }),
                kit.tool("close_sandbox", "Close a sandbox", "Close one of this session's sandboxes.",
                        Schema.object().text("sandbox", "The sandbox id.").required("sandbox"),
                        call -> {
                            String id = call.string("sandbox");
                            if (!ws.sandboxes().close(call.session(), id)) {
                                throw new ToolError(McpMessages.noSandbox(id));
                            }
                            return Map.of("closed", id);
                        }));
    }
}
