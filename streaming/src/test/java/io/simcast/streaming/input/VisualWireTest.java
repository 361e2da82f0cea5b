package io.simcast.streaming.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.render.Quality;
import io.simcast.sim.render.VisualFlag;
import io.simcast.sim.render.VisualFrame;
import io.simcast.sim.render.VisualLabel;
import io.simcast.sim.render.VisualOptions;
import io.simcast.streaming.Role;
import io.simcast.streaming.http.Json;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's Rendering switches on the wire: parsed whole, refused by name, the defaults announced, a viewer's own. */
class VisualWireTest {
    @Test
    void aVisualEventCarriesTheFlagsThatAreOnAndTheFrameAndLabelChoices() {
        InputEvent event = InputEvent.parse(Json.parse("""
                {"type": "visual", "flags": ["contact_points", "fog"], "frame": "world", "label": "contact_force"}"""));

        assertThat(event).isEqualTo(new InputEvent.Visual(new VisualOptions(
                EnumSet.of(VisualFlag.CONTACT_POINTS, VisualFlag.FOG), VisualFrame.WORLD, VisualLabel.CONTACT_FORCE)));
        assertThat(InputPolicy.refusal(Role.VIEWER, event)).as("a viewer's own view").isNull();
        assertThat(VisualWire.of(VisualOptions.of(Quality.FAST))).isEqualTo(new VisualWire(List.of("skybox"), "none",
                "none"));
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThatExist() {
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"type\": \"visual\", \"flags\": [\"sparkles\"]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flags")
                .hasMessageContaining("contact_points, contact_forces").hasMessageContaining("not \"sparkles\"");
        assertThatThrownBy(() -> InputEvent.parse(Json.parse("{\"type\": \"visual\", \"flags\": [], \"frame\": 3}")))
                .hasMessageContaining("frame").hasMessageContaining("none, body, geom");
    }
}
