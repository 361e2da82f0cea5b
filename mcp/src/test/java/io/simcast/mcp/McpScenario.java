package io.simcast.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What an agent does with Simcast, the same over both transports: list the tools, load a preset, step, read a joint
 * by name, set a control and see the joint move, render a known-colour scene and check its pixels, and send MJCF that
 * does not compile (a tool error naming MuJoCo's line, the running scene untouched). Each step asserts what the agent
 * would read. Used by the HTTP test here and the stdio test in app.
 */
public final class McpScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A wall of pure red (emission 1) filling the view of camera "front". */
    public static final String RED_WALL = """
            <mujoco model="red-wall">
              <visual><global offwidth="640" offheight="480"/></visual>
              <asset><material name="red" rgba="1 0 0 1" emission="1" specular="0" reflectance="0"/></asset>
              <worldbody>
                <light pos="0 -2 2" dir="0 1 -1"/>
                <camera name="front" pos="0 -1 0" xyaxes="1 0 0 0 0 1"/>
                <geom name="wall" type="box" pos="0 1 0" size="5 0.1 5" material="red"/>
              </worldbody>
            </mujoco>
            """;
    /** Line 4 opens an element that never closes. */
    public static final String BROKEN = """
            <mujoco model="broken">
              <worldbody>
                <body name="b">
                  <geom type="sphere" size="0.1">
                </body>
              </worldbody>
            </mujoco>
            """;

    private McpScenario() {}

    public static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) throws Exception {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertThat(result.isError()).as("%s answered %s", tool, text(result)).isFalse();
        return JSON.readTree(text(result));
    }

    public static String text(McpSchema.CallToolResult result) {
        return result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text()).findFirst().orElse("");
    }

    public static void toolsAreListedWithSchemas(McpSyncClient client) {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).contains("host_info", "list_presets", "load_scene",
                "get_scene_mjcf", "generate_scene", "get_state", "describe_model", "set_controls",
                "set_joint_positions", "apply_force", "step", "simulation_command", "load_keyframe",
                "render_picture", "open_sandbox", "close_sandbox", "make_viewer_link", "rl_create", "rl_reset",
                "rl_step", "rl_close");
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(30);
            assertThat(tool.inputSchema().get("type")).as(tool.name()).isEqualTo("object");
        }
    }

    /** Loads cartpole, steps, reads the slider by name, pushes the cart and sees it move. */
    public static void loadStepReadAndAct(McpSyncClient client) throws Exception {
        JsonNode loaded = call(client, "load_scene", Map.of("preset", "cartpole"));
        assertThat(loaded.path("scene").asText()).isEqualTo("cartpole");
        JsonNode stepped = call(client, "step", Map.of("count", 10));
        assertThat(stepped.path("playing").asBoolean()).isFalse();
        assertThat(stepped.path("steps").asLong()).isGreaterThanOrEqualTo(10);
        JsonNode before = call(client, "get_state", Map.of("joints", List.of("slider"), "bodies", List.of()));
        assertThat(before.path("joints").path("slider").path("qpos").size()).isEqualTo(1);
        assertThat(before.path("joints").has("hinge")).isFalse();
        double start = before.path("joints").path("slider").path("qpos").get(0).asDouble();

        call(client, "set_controls", Map.of("controls", Map.of("slide", 1.0)));
        call(client, "step", Map.of("count", 250));
        JsonNode after = call(client, "get_state", Map.of("joints", List.of("slider")));
        assertThat(after.path("controls").path("slide").get(0).asDouble()).isEqualTo(1.0);
        assertThat(after.path("joints").path("slider").path("qpos").get(0).asDouble()).isGreaterThan(start + 0.05);
        assertThat(after.path("bodies").has("cart") || after.path("bodies").size() > 1).isTrue();
    }

    /** A known-colour scene: the picture's pixels are red. */
    public static void picturesShowTheScene(McpSyncClient client) throws Exception {
        call(client, "load_scene", Map.of("mjcf", RED_WALL));
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("render_picture",
                Map.of("camera", "front", "width", 320, "height", 240)));
        assertThat(result.isError()).as(text(result)).isFalse();
        McpSchema.ImageContent image = (McpSchema.ImageContent) result.content().getFirst();
        assertThat(image.mimeType()).isEqualTo("image/png");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.data())));
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(240);
        for (int[] at : new int[][] {{160, 120}, {10, 10}, {310, 230}}) {
            int rgb = picture.getRGB(at[0], at[1]);
            assertThat((rgb >> 16) & 0xFF).as("red at %s", List.of(at[0], at[1])).isGreaterThan(200);
            assertThat((rgb >> 8) & 0xFF).as("green").isLessThan(60);
            assertThat(rgb & 0xFF).as("blue").isLessThan(60);
        }
    }

    /** Bad MJCF: a tool error with MuJoCo's words and line; the running scene keeps running. */
    public static void badMjcfIsAToolErrorAndChangesNothing(McpSyncClient client) throws Exception {
        call(client, "load_scene", Map.of("preset", "pendulum"));
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("load_scene",
                Map.of("mjcf", BROKEN)));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("MISMATCHED_ELEMENT").containsIgnoringCase("line number=4");
        JsonNode state = call(client, "get_state", Map.of());
        assertThat(state.path("scene").asText()).isEqualTo("pendulum");
        assertThat(state.path("joints").has("hinge")).isTrue();
    }
}
