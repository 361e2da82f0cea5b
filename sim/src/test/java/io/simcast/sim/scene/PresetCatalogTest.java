package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PresetCatalogTest {
    private static final SceneCompiler COMPILER = new SceneCompiler();

    static Stream<Preset> presets() {
        return PresetCatalog.builtIn().presets().stream();
    }

    @Test
    void shipsTheEightPresetsInPickerOrder() {
        assertThat(presets().map(Preset::id)).containsExactly("pendulum", "double-pendulum", "cartpole", "panda",
                "ur5e", "anymal", "humanoid", "playground");
        assertThat(presets()).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank();
            assertThat(p.description()).isNotBlank().doesNotContain("\n");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void runsTenSimulatedSecondsWithoutNanWarningOrBlowUp(Preset preset) throws Exception {
        Scene scene = COMPILER.compile(PresetCatalog.builtIn().source(preset));
        try {
            assertThat(scene.warnings()).as("compile warnings").isEmpty();
            long steps = Math.round(10 / scene.model().timestep());
            Rollout.Result result = Rollout.run(scene, steps);
            assertThat(result.warnings()).as("MuJoCo warnings").isEmpty();
            assertThat(result.steps()).isEqualTo(steps);
            assertThat(result.time()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-6));
            // Free bodies stay near the scene; hinge angles stay bounded: nothing flew away.
            assertThat(result.maxAbsPosition()).isFinite().isLessThan(50);
        } finally {
            scene.release();
        }
    }

    @Test
    void robotsHoldTheirHomePose() throws Exception {
        for (String id : new String[] {"panda", "ur5e"}) {
            Scene scene = COMPILER.compile(PresetCatalog.builtIn().source(PresetCatalog.builtIn().find(id).orElseThrow()));
            try {
                Rollout.Result start = Rollout.run(scene, 0);
                Rollout.Result later = Rollout.run(scene, Math.round(10 / scene.model().timestep()));
                for (int joint = 0; joint < 6; joint++) {
                    assertThat(later.qpos()[joint]).as(id + " joint " + joint)
                            .isCloseTo(start.qpos()[joint], org.assertj.core.api.Assertions.within(0.05));
                }
            } finally {
                scene.release();
            }
        }
    }

    @Test
    void theQuadrupedStaysStanding() throws Exception {
        Scene scene = COMPILER.compile(PresetCatalog.builtIn().source(PresetCatalog.builtIn().find("anymal").orElseThrow()));
        try {
            Rollout.Result result = Rollout.run(scene, Math.round(10 / scene.model().timestep()));
            assertThat(result.qpos()[2]).as("base height after 10 s").isGreaterThan(0.4);
        } finally {
            scene.release();
        }
    }
}
