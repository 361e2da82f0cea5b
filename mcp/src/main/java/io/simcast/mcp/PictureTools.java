package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.render.Quality;
import java.util.Base64;
import java.util.List;

/**
 * Seeing: a PNG of the simulation now (MCP image content), from a camera of the model or a free camera, up to
 * 1920 x 1080, so an agent can look at what it built. Rendered by the simulation's own renderer (the sandbox's for a
 * sandbox), on its render thread; the call waits for one frame.
 */
final class PictureTools {
    private PictureTools() {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(kit.tool("render_picture", "Render a picture",
                "A PNG of the simulation as it is now. Look through one of the model's cameras ('camera', see"
                        + " describe_model), or place a free camera: it looks at 'lookat' (x, y, z in metres) from"
                        + " 'distance' metres, turned 'azimuth' degrees about the vertical axis and raised"
                        + " 'elevation' degrees (negative looks down, e.g. -20). With neither, the model's default"
                        + " view. Size up to 1920 x 1080 (default 640 x 480).",
                Schema.object()
                        .integer("width", "Width in pixels; 640 when left out.", Pictures.MIN_SIZE, Pictures.MAX_WIDTH)
                        .integer("height", "Height in pixels; 480 when left out.", Pictures.MIN_SIZE,
                                Pictures.MAX_HEIGHT)
                        .text("camera", "A camera of the model, by name.")
                        .vector("lookat", "Free camera: the point it looks at, x, y, z in metres.", 3)
                        .number("distance", "Free camera: its distance from the point, in metres.")
                        .number("azimuth", "Free camera: degrees about the vertical axis; 90 when left out.")
                        .number("elevation", "Free camera: degrees above the horizon; -20 when left out.")
                        .choice("quality", "fast (the default: what viewers see, several times quicker on a"
                                + " CPU renderer) or quality (anti-aliased, shadows).",
                                List.of("quality", "fast"))
                        .sandbox(),
                call -> picture(ws.target(call), call)));
    }

    static CameraChoice camera(ToolCall call) {
        boolean free = call.has("lookat") || call.has("distance") || call.has("azimuth") || call.has("elevation");
        if (call.has("camera") && free) {
            throw new ToolError(McpMessages.cameraChoice());
        }
        if (call.has("camera")) {
            return new CameraChoice.Named(call.string("camera"));
        }
        if (!free) {
            return new CameraChoice.ModelDefault();
        }
        return new CameraChoice.Free(call.optionalNumbers("lookat").orElse(new double[3]),
                call.optionalNumber("distance").orElse(2.0), call.optionalNumber("azimuth").orElse(90.0),
                call.optionalNumber("elevation").orElse(-20.0));
    }

    private static McpSchema.CallToolResult picture(Target target, ToolCall call) throws InterruptedException {
        int width = call.optionalInteger("width").orElse(640);
        int height = call.optionalInteger("height").orElse(480);
        Quality quality = Quality.parse(call.optionalString("quality").orElse("fast"));
        byte[] png = target.pictures().png(camera(call), width, height, quality);
        SimulationSnapshot now = target.snapshot();
        String caption = String.format("%s: %s at t=%.3f s, %dx%d", target.name(), now.sceneId(), now.time(), width,
                height);
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.ImageContent(null, Base64.getEncoder().encodeToString(png), "image/png"),
                        new McpSchema.TextContent(caption)))
                .isError(false).build();
    }
}
