package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneSandboxTest {
    private final SceneCompiler compiler = new SceneCompiler(new SceneLimits(4096, 1024));

    @TempDir
    Path folder;

    private static String meshScene(String file) {
        return "<mujoco>\n  <asset>\n    <mesh name=\"m\" file=\"" + file + "\"/>\n  </asset>\n"
                + "  <worldbody><geom type=\"mesh\" mesh=\"m\"/></worldbody>\n</mujoco>\n";
    }

    @Test
    void refusesAbsolutePaths() {
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("/etc/passwd"), folder)))
                .isInstanceOf(SceneLoadException.class)
                .hasMessage("Refused file=\"/etc/passwd\" (line 3): absolute paths are not allowed;"
                        + " use a path relative to the scene folder");
    }

    @Test
    void refusesParentSegmentsEvenWhenEscapedAsEntities() {
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("meshes/../../secret.stl"), folder)))
                .hasMessageContaining("'..' may not leave the scene folder");
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("&#46;&#46;/secret.stl"), folder)))
                .hasMessageContaining("'..' may not leave the scene folder");
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("&#x2F;etc/passwd"), folder)))
                .hasMessageContaining("absolute paths are not allowed");
    }

    @Test
    void refusesMeshdirThatLeavesTheFolder() {
        String xml = "<mujoco>\n<compiler meshdir=\"../elsewhere\"/>\n" + meshScene("a.stl").substring(9);
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml, folder)))
                .hasMessageContaining("Refused meshdir=\"../elsewhere\" (line 2)");
    }

    @Test
    void refusesSymbolicLinksThatLeadOut(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret.stl"), "solid x\nendsolid x\n");
        Files.createSymbolicLink(folder.resolve("link.stl"), outside.resolve("secret.stl"));
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("link.stl"), folder)))
                .hasMessageContaining("resolves outside the scene folder");
        Files.createSymbolicLink(folder.resolve("dir"), outside);
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("dir/secret.stl"), folder)))
                .hasMessageContaining("resolves outside the scene folder");
    }

    @Test
    void aSceneWithoutFolderMayNotReadFiles() {
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("part.stl"))))
                .hasMessageContaining("this scene has no folder, so it cannot read files");
    }

    @Test
    void includesAreCheckedToo() throws Exception {
        Files.writeString(folder.resolve("parts.xml"),
                "<mujoco>\n<asset>\n<texture name=\"t\" file=\"/root/.ssh/id_rsa\"/>\n</asset>\n</mujoco>\n");
        String xml = "<mujoco>\n  <include file=\"parts.xml\"/>\n  <worldbody/>\n</mujoco>\n";
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml, folder)))
                .hasMessageContaining("Refused file=\"/root/.ssh/id_rsa\" (line 3)");
    }

    @Test
    void refusesOversizedXmlAndAssets() throws Exception {
        String huge = "<mujoco><!--" + "x".repeat(5000) + "--></mujoco>";
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(huge)))
                .hasMessageMatching("Scene XML scene.xml is \\d+ bytes; the limit is 4096 bytes");
        Files.write(folder.resolve("big.stl"), new byte[2048]);
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("big.stl"), folder)))
                .hasMessage("Asset 'big.stl' is 2048 bytes; the limit is 1024 bytes");
        Path bigFile = folder.resolve("big.xml");
        Files.writeString(bigFile, huge);
        assertThatThrownBy(() -> SceneSource.ofFile(bigFile, new SceneLimits(4096, 1024)))
                .hasMessageContaining("the limit is 4096 bytes");
    }

    @Test
    void decodesTheEscapesTinyXmlDecodes() {
        assertThat(SceneSandbox.decode("a&amp;b&#47;c&#x2e;&lt;")).isEqualTo("a&b/c.<");
    }
}
