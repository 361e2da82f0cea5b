package io.simcast.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.Role;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The words an agent reads when something is refused: what is wrong and what to do instead. */
class McpMessagesTest {
    @Test
    void refusalsSayWhatIsNeeded() {
        assertThat(McpMessages.roleTooLow("Loading a scene", Role.CONTROLLER, Role.OPERATOR))
                .isEqualTo("Loading a scene needs the operator role; this session has controller (an operator token"
                        + " or a controller link, as Authorization: Bearer)");
        assertThat(McpMessages.noLinks()).contains("simcast mcp --serve", "/mcp");
        assertThat(McpMessages.sandboxesPerSession(2)).isEqualTo("This session already has 2 sandboxes open, the most"
                + " one session may have; close one with close_sandbox");
        assertThat(McpMessages.originRefused("http://evil.example")).contains("http://evil.example", "Origin");
    }

    @Test
    void unknownNamesListWhatThereIs() {
        assertThat(McpMessages.noSuch("joint", "elbow", List.of("slider", "hinge")))
                .isEqualTo("No joint named 'elbow' in this scene; its joints: slider, hinge");
        assertThat(McpMessages.noSuch("keyframe", "home", List.of()))
                .isEqualTo("No keyframe named 'home' in this scene; it has none");
        List<String> many = IntStream.range(0, 45).mapToObj(i -> "j" + i).toList();
        assertThat(McpMessages.noSuch("joint", "x", many)).contains("j39, ... (5 more)").doesNotContain("j40");
    }

    @Test
    void argumentsAreNamed() {
        assertThat(McpMessages.wrongLength("ball", 4, 1)).isEqualTo("Joint 'ball' has 4 position values (qpos), got 1");
        assertThat(McpMessages.pictureSize(1920, 1080)).isEqualTo("Pictures are 16 to 1920 pixels wide and 16 to 1080"
                + " high");
        assertThat(McpMessages.cameraChoice()).contains("'camera'", "'lookat'", "not both");
    }
}
