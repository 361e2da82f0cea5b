package io.simcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.sim.scene.Rollout;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome simcast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimcastCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommandsOfTheProductWithoutTheBenchmarks() {
        Outcome help = simcast("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("console", "serve", "check", "presets", "step", "generate", "llm")
                .doesNotContain("bench"); // the bench module is not on the product's class path
    }

    @Test
    void simcastAloneOpensTheConsoleWithADisplayAndServesWithout() {
        assertThat(SimcastCommand.product(Map.of())).isEqualTo("serve");
        assertThat(SimcastCommand.product(Map.of("DISPLAY", ":0"))).isEqualTo("console");
        assertThat(SimcastCommand.product(Map.of("WAYLAND_DISPLAY", "wayland-0"))).isEqualTo("console");
    }

    @Test
    void theConsoleSaysItNeedsADisplay() {
        Outcome console = simcast("console");
        assertThat(console.exitCode()).isEqualTo(1);
        assertThat(console.err()).isEqualTo("simcast: the console needs a display (DISPLAY or WAYLAND_DISPLAY)\n");
    }

    @Test
    void presetsListsEveryPresetWithItsDescription() {
        Outcome presets = simcast("presets");
        assertThat(presets.exitCode()).isZero();
        assertThat(presets.out().lines()).hasSize(PresetCatalog.builtIn().presets().size());
        assertThat(presets.out()).contains("double-pendulum", "Franka Panda arm", "anymal");
    }

    @Test
    void checkReportsMuJoCoAndThePresets() {
        Outcome check = simcast("check");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("MuJoCo 2.2.2").contains("Presets: 8 of 8 compile");
    }

    @Test
    void stepJsonPrintsTheFinalStateInFullPrecision() throws Exception {
        Outcome step = simcast("step", "--scene", "double-pendulum", "--steps", "500", "--json");
        assertThat(step.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(step.out());
        Scene scene = new SceneCompiler().compile(PresetCatalog.builtIn().source(
                PresetCatalog.builtIn().find("double-pendulum").orElseThrow()));
        Rollout.Result expected;
        try {
            expected = Rollout.run(scene, 500);
        } finally {
            scene.release();
        }
        assertThat(json.get("steps").asLong()).isEqualTo(500);
        assertThat(json.get("time").asDouble()).isEqualTo(expected.time());
        assertThat(json.get("qpos")).hasSize(expected.qpos().length);
        for (int i = 0; i < expected.qpos().length; i++) {
            assertThat(json.get("qpos").get(i).asDouble()).isEqualTo(expected.qpos()[i]); // bit for bit
            assertThat(json.get("qvel").get(i).asDouble()).isEqualTo(expected.qvel()[i]);
        }
    }

    @Test
    void stepOnAFileWithBadXmlPrintsMuJoCosMessageAndFails(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("broken.xml");
        Files.writeString(file, "<mujoco>\n  <worldbody>\n    <geom size=\"1\" bogus=\"1\"/>\n  </worldbody>\n</mujoco>\n");
        Outcome step = simcast("step", "--scene", file.toString());
        assertThat(step.exitCode()).isEqualTo(1);
        assertThat(step.err()).contains("simcast: ").contains("unrecognized attribute: 'bogus'").contains("line 3");
        assertThat(step.err()).doesNotContain("Exception");
    }

    @Test
    void anUnknownSceneNamesThePresets() {
        Outcome step = simcast("step", "--scene", "no-such-scene");
        assertThat(step.exitCode()).isEqualTo(1);
        assertThat(step.err()).contains("No preset or file named 'no-such-scene'. Presets: pendulum, double-pendulum");
    }
}
