package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneLoadException;
import io.simcast.sim.scene.SceneSource;
import org.junit.jupiter.api.Test;

class InProcessCandidateCompilerTest {
    private final CandidateCompiler compiler = CandidateCompiler.inProcess();

    @Test
    void aCompositeIsRefusedBeforeMuJoCoCanAbortOnIt() {
        String xml = "<mujoco>\n  <worldbody>\n    <body name=\"cloth\">\n"
                + "      <composite type=\"grid\" count=\"100000 100000 1\" spacing=\"0.01\"/>\n"
                + "    </body>\n  </worldbody>\n</mujoco>";

        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml)))
                .isInstanceOf(SceneLoadException.class)
                .hasMessage("Line 4: <composite> is not allowed in generated scenes (MuJoCo 2.2.2 can abort the whole "
                        + "program on it); write the bodies out one by one")
                .satisfies(e -> assertThat(((SceneLoadException) e).line()).hasValue(4));
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml.replace("<composite", "<COMPOSITE"))))
                .hasMessageStartingWith("Line 4: <composite> is not allowed");
    }

    @Test
    void candidatesAreSandboxedLikeAnyOutsideScene() {
        String xml = "<mujoco>\n  <asset>\n    <mesh name=\"m\" file=\"/etc/passwd\"/>\n  </asset>\n</mujoco>";

        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml)))
                .hasMessage("Refused file=\"/etc/passwd\" (scene.xml, line 3): absolute paths are not allowed; use a path "
                        + "relative to the scene folder");
    }

    @Test
    void aGoodCandidateCompilesWithMuJoCo3Defaults() throws Exception {
        String xml = Replies.GOOD_SCENE.replace("<compiler angle=\"radian\" autolimits=\"true\"/>", "")
                .replace("</worldbody>", "</worldbody><actuator><motor name=\"m\" joint=\"box\" gear=\"1 0 0 0 0 0\" "
                        + "ctrlrange=\"-1 1\"/></actuator>");
        Scene scene = compiler.compile(SceneSource.ofString(xml));
        try {
            assertThat(scene.model().nu()).isEqualTo(1);
        } finally {
            scene.release();
        }
    }
}
