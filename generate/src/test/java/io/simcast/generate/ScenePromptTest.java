package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.PresetCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenePromptTest {

    @Test
    void theSystemPromptTeachesMuJoCo222AndOurConventionsWithTwoPresetsAsExamples() {
        PresetCatalog catalog = PresetCatalog.builtIn();
        String prompt = ScenePrompt.system();

        assertThat(prompt).contains("MuJoCo 2.2.2", "limited=\"true\"", "ctrllimited=\"true\"", "<replicate>",
                "<composite>", "No meshes", "<geom name=\"floor\" type=\"plane\"", "<light>",
                "Every body, joint, geom and actuator has a name", "```xml").doesNotContain("{{examples}}");
        for (String id : ScenePrompt.EXAMPLE_PRESETS) {
            assertThat(prompt).contains(catalog.source(catalog.find(id).orElseThrow()).xml().strip());
        }
    }

    @Test
    void aCompileErrorGoesBackWithTheLineItNamesQuoted() {
        String xml = "<mujoco>\n  <worldbody>\n    <geom type=\"box\" colour=\"red\"/>\n  </worldbody>\n</mujoco>";

        assertThat(ScenePrompt.repairCompile("Schema violation: unrecognized attribute: 'colour'\nElement 'geom', "
                + "line 3", xml, 3)).isEqualTo("""
                MuJoCo 2.2.2 could not compile your scene:

                Schema violation: unrecognized attribute: 'colour'
                Element 'geom', line 3

                Line 3 of your document is:
                <geom type="box" colour="red"/>

                Fix this and reply with the complete corrected document in one ```xml code block.""");
        assertThat(ScenePrompt.repairCompile("XML Error: no root", xml, 0)).doesNotContain("of your document is");
    }

    @Test
    void aFailedRunGoesBackAsAList() {
        assertThat(ScenePrompt.repairCheck(3.0, List.of("there is no light: add a <light> to the worldbody",
                "1 body has no name: give every <body> a name attribute"))).isEqualTo("""
                Your scene compiled, but when Simcast ran it for 3.0 s:
                - there is no light: add a <light> to the worldbody
                - 1 body has no name: give every <body> a name attribute

                Fix this and reply with the complete corrected document in one ```xml code block.""");
    }
}
