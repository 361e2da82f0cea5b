package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneCompilerTest {
    private final SceneCompiler compiler = new SceneCompiler();

    @TempDir
    Path folder;

    @Test
    void compilesMjcfFromAString() throws Exception {
        Scene scene = compiler.compile(SceneSource.ofString(TestScenes.PENDULUM));
        try {
            assertThat(scene.model().nq()).isEqualTo(1);
            assertThat(scene.model().nu()).isEqualTo(1);
            assertThat(scene.id()).startsWith("custom-");
            assertThat(scene.xml()).isEqualTo(TestScenes.PENDULUM);
        } finally {
            scene.release();
        }
        assertThat(scene.model().isAlive()).isFalse();
    }

    @Test
    void malformedXmlGivesTinyXmlsMessageWithTheLine() {
        String broken = "<mujoco>\n  <worldbody>\n    <geom type=\"box\" size=\"1 1 1\">\n  </worldbody>\n</mujoco>\n";
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(broken)))
                .isInstanceOf(SceneLoadException.class)
                .hasMessageContaining("XML_ERROR_MISMATCHED_ELEMENT")
                .satisfies(e -> assertThat(((SceneLoadException) e).line()).hasValue(3));
    }

    @Test
    void theMessageEndsWithMuJoCosTextNotTheRestOfItsBuffer() {
        String xml = "<mujoco>\n  <worldbody>\n    <replicate count=\"2\"/>\n  </worldbody>\n</mujoco>\n";
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml)))
                .hasMessage("XML Error: Schema violation: unrecognized element\nElement 'replicate', line 3");
    }

    @Test
    void unknownAttributeIsNamedWithItsElementAndLine() {
        String xml = "<mujoco>\n  <worldbody>\n    <geom type=\"box\" size=\"1 1 1\" colour=\"red\"/>\n"
                + "  </worldbody>\n</mujoco>\n";
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml)))
                .isInstanceOf(SceneLoadException.class)
                .hasMessageContaining("unrecognized attribute: 'colour'")
                .hasMessageContaining("Element 'geom', line 3")
                .satisfies(e -> assertThat(((SceneLoadException) e).line()).hasValue(3));
    }

    @Test
    void missingMeshNamesTheFile() throws IOException {
        String xml = "<mujoco>\n  <asset>\n    <mesh name=\"part\" file=\"part.stl\"/>\n  </asset>\n"
                + "  <worldbody>\n    <geom type=\"mesh\" mesh=\"part\"/>\n  </worldbody>\n</mujoco>\n";
        Files.writeString(folder.resolve("scene.xml"), xml);
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofFile(folder.resolve("scene.xml"), SceneLimits.DEFAULT)))
                .isInstanceOf(SceneLoadException.class)
                .hasMessageContaining("could not open STL file 'part.stl'")
                .satisfies(e -> assertThat(((SceneLoadException) e).line()).hasValue(3));
    }

    @Test
    void loadsAFolderWithItsMeshAndTexture() throws Exception {
        Path mug = Path.of("/usr/share/mujoco/model/mug");
        for (String file : new String[] {"mug.xml", "mug.obj", "mug.png"}) {
            Files.copy(mug.resolve(file), folder.resolve(file));
        }
        Scene scene = compiler.compile(SceneSource.ofFolder(folder, SceneLimits.DEFAULT));
        try {
            assertThat(scene.id()).isEqualTo("mug");
            assertThat(scene.model().pointer().nmesh()).isEqualTo(1);
            assertThat(scene.model().pointer().ntex()).isGreaterThanOrEqualTo(1);
        } finally {
            scene.release();
        }
    }

    @Test
    void outsideModelsGetMuJoCo3sAutolimits() throws Exception {
        String modern = "<mujoco>\n  <worldbody>\n    <body>\n      <joint type=\"hinge\" range=\"0 1\"/>\n"
                + "      <geom size=\"0.1\"/>\n    </body>\n  </worldbody>\n</mujoco>\n";
        Scene scene = compiler.compile(SceneSource.ofString(modern));
        try {
            assertThat(scene.model().pointer().jnt_limited().get(0)).isEqualTo((byte) 1);
        } finally {
            scene.release();
        }
        String explicit = modern.replace("<mujoco>", "<mujoco>\n<compiler autolimits=\"false\"/>");
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(explicit)))
                .hasMessageContaining("joint has `range` but not `limited`");
    }

    @Test
    void compilesUrdf() throws Exception {
        String urdf = """
                <robot name="two-links">
                  <link name="base"><inertial><mass value="1"/><inertia ixx="0.01" iyy="0.01" izz="0.01"
                    ixy="0" ixz="0" iyz="0"/></inertial>
                    <visual><geometry><box size="0.1 0.1 0.1"/></geometry></visual></link>
                  <link name="arm"><inertial><mass value="1"/><inertia ixx="0.01" iyy="0.01" izz="0.01"
                    ixy="0" ixz="0" iyz="0"/></inertial>
                    <visual><geometry><cylinder radius="0.02" length="0.3"/></geometry></visual></link>
                  <joint name="elbow" type="revolute"><parent link="base"/><child link="arm"/>
                    <axis xyz="0 1 0"/><limit lower="-1" upper="1" effort="10" velocity="1"/></joint>
                </robot>
                """;
        Scene scene = compiler.compile(SceneSource.ofString(urdf));
        try {
            assertThat(scene.model().nq()).isEqualTo(1);
        } finally {
            scene.release();
        }
    }
}
