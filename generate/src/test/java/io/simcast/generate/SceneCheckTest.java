package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneCheckTest {
    private final SceneCheck check = new SceneCheck(3.0);

    private List<String> problems(String xml) throws Exception {
        Scene scene = new SceneCompiler().compile(SceneSource.ofString(xml));
        try {
            return check.problems(scene);
        } finally {
            scene.release();
        }
    }

    @Test
    void aSceneFollowingTheConventionsThatSettlesPasses() throws Exception {
        assertThat(problems(Replies.GOOD_SCENE)).isEmpty();
    }

    @Test
    void everyPresetUsedAsAnExamplePassesItsOwnCheck() throws Exception {
        var catalog = io.simcast.sim.scene.PresetCatalog.builtIn();
        for (String id : ScenePrompt.EXAMPLE_PRESETS) {
            Scene scene = new SceneCompiler().compile(catalog.source(catalog.find(id).orElseThrow()));
            try {
                assertThat(check.problems(scene)).as(id).isEmpty();
            } finally {
                scene.release();
            }
        }
    }

    @Test
    void anExplodingSceneIsCaughtByMuJoCosInstabilityWarning() throws Exception {
        assertThat(problems(Replies.EXPLODING)).singleElement().asString()
                .startsWith("MuJoCo warned at t = ")
                .contains("Nan, Inf or huge value in QACC at DOF 0. The simulation is unstable.");
    }

    @Test
    void aFreeBodyThatFallsThroughTheFloorIsNamed() throws Exception {
        assertThat(problems(Replies.FALLS_THROUGH_FLOOR)).containsExactly(
                "body 'ghost_box' fell through the floor: after 3.0 s it is at z = -43.67 m, below the floor at "
                        + "z = 0.00 m");
    }

    @Test
    void aBodyFlungAwayIsCaughtByDistanceAndSpeed() throws Exception {
        assertThat(problems(Replies.THROWN)).containsExactly(
                "body 'bullet' ended 1500.0 m from the origin after 3.0 s (an explosion?)",
                "body 'bullet' still moves at 500.0 m/s after 3.0 s (an explosion?)");
    }

    @Test
    void missingFloorLightAndNamesAreEachReported() throws Exception {
        assertThat(problems(Replies.NO_CONVENTIONS)).containsExactly(
                "there is no floor: add <geom name=\"floor\" type=\"plane\" size=\"0 0 0.05\"/> to the worldbody",
                "there is no light: add a <light> to the worldbody",
                "1 body has no name: give every <body> a name attribute");
    }
}
