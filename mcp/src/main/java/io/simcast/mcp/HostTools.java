package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.sim.SimcastVersion;
import io.simcast.sim.core.MuJoCoLibrary;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.render.RendererInfo;
import io.simcast.streaming.host.Rendering;
import java.util.List;

/** About the host: versions, the renderer, what is loaded and running, this session's sandboxes and role. */
final class HostTools {
    private HostTools() {}

    record Running(String scene, String title, double time, boolean playing, double speed) {
        static Running of(SimulationSnapshot s) {
            return new Running(s.sceneId(), s.scene().title(), s.time(), s.playing(), s.speed());
        }
    }

    record Info(String simcast, String mujoco, String transport, String role, String renderer, Running shared,
                List<String> sandboxes, int sandboxesPerSession, boolean viewerLinks, int rlEnvironments) {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(kit.tool("host_info", "About this Simcast",
                "Versions (Simcast, MuJoCo), the renderer (or why pictures are unavailable), the transport, your"
                        + " role, what the shared simulation runs now, your open sandboxes, and whether viewer links"
                        + " can be made. A good first call.",
                Schema.object(),
                call -> new Info(SimcastVersion.version(), MuJoCoLibrary.version(), ws.transport(),
                        call.role().wireName(), renderer(ws.shared()), Running.of(ws.shared().snapshot()),
                        ws.sandboxes().ofSession(call.session()).stream().map(Sandboxes.Sandbox::id).toList(),
                        ws.sandboxes().limits().perSession(), ws.sharing().isPresent(), ws.rl().list().size())));
    }

    private static String renderer(Target shared) {
        return shared.renderingNow().map(rendering -> switch (rendering) {
            case Rendering.Available available -> {
                RendererInfo info = available.renderer().info();
                yield info.glRenderer() + " (" + info.eglPlatform() + ")";
            }
            case Rendering.Unavailable unavailable -> "none: " + unavailable.reason();
        }).orElse(McpMessages.rendererStarting());
    }
}
