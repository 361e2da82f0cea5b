package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox against a corpus of escape attempts: folder scenes in test resources ({@code hostile/escapes/}) and
 * symbolic links and pipes made here (git and Maven would not keep them). Each is refused before MuJoCo runs, with a
 * sentence naming the document, line and attribute. Scenes that only look like escapes to a pattern, and every
 * sample model MuJoCo ships, still load (the presets load in {@link PresetCatalogTest}).
 */
class SceneSandboxTest {
    private static final String PARENT = "'..' may not leave the scene folder";
    private static final String ABSOLUTE = "absolute paths are not allowed; use a path relative to the scene folder";
    private static final String OUTSIDE = "it resolves outside the scene folder (symbolic link?)";

    private final SceneCompiler compiler = new SceneCompiler();

    @TempDir
    Path folder;

    @TempDir
    Path outside;

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("include-upper-case",
                        "Refused file=\"../../../../../etc/passwd\" (parts.xml, line 3): " + PARENT),
                Arguments.of("include-mixed-case-nested",
                        "Refused file=\"/home/user/.ssh/id_rsa\" (more.xml, line 3): " + ABSOLUTE),
                Arguments.of("include-angle-bracket-attribute",
                        "Refused file=\"../../secret.png\" (parts.xml, line 3): " + PARENT),
                Arguments.of("include-attributes-across-lines",
                        "Refused file=\"/proc/self/environ\" (parts.xml, line 5): " + ABSOLUTE),
                Arguments.of("include-name-as-entities",
                        "Refused file=\"../../secret.stl\" (parts.xml, line 3): " + PARENT),
                Arguments.of("meshdir-in-include",
                        "Refused meshdir=\"../../../../../etc\" (settings.xml, line 2): " + PARENT),
                Arguments.of("compiler-upper-case",
                        "Refused texturedir=\"/usr/share/pixmaps\" (scene.xml, line 2): " + ABSOLUTE),
                Arguments.of("texture-cube-face", "Refused fileup=\"../../up.png\" (scene.xml, line 3): " + PARENT),
                Arguments.of("entity-slash", "Refused file=\"/etc/passwd\" (scene.xml, line 3): " + ABSOLUTE),
                Arguments.of("newline-in-name", "Refused file (scene.xml, line 3): the file name holds control"
                        + " characters or bytes that are not UTF-8"),
                Arguments.of("backslashes",
                        "Refused file=\"meshes\\..\\..\\secret.stl\" (scene.xml, line 3): " + PARENT),
                Arguments.of("drive-letter",
                        "Refused file=\"C:/Users/someone/photo.png\" (scene.xml, line 3): " + ABSOLUTE),
                Arguments.of("doctype-external-entity", "Refused <!DOCTYPE mujoco [ <!ENTITY secret SYSTEM"
                        + " \"file:///etc/passwd\"> (scene.xml, line 2): a scene may not declare a document type or entities"
                        + " (MuJoCo ignores them)"),
                Arguments.of("doctype-in-include", "Refused <!DOCTYPE parts SYSTEM \"../../../../etc/passwd\">"
                        + " (parts.xml, line 1): a scene may not declare a document type or entities (MuJoCo ignores"
                        + " them)"),
                Arguments.of("urdf-absolute-mesh", "Refused filename=\"/etc/passwd\" (scene.xml, line 5): " + ABSOLUTE),
                Arguments.of("urdf-package-path-kept",
                        "Refused filename=\"package://robot/meshes/base.stl\" (scene.xml, line 8): " + ABSOLUTE),
                Arguments.of("obj-material-library",
                        "Refused mtllib=\"../../../../../../dev/zero\" (part.obj, line 3): " + PARENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void anEscapeAttemptIsRefusedNamingItsDocumentLineAndAttribute(String entry, String message) throws Exception {
        Path scene = copyOf("hostile/escapes/" + entry);

        assertThatThrownBy(() -> compiler.compile(SceneSource.ofFolder(scene, SceneLimits.DEFAULT)))
                .isInstanceOf(SceneLoadException.class).hasMessage(message);
    }

    @Test
    void anIncludedFileThatIsASymbolicLinkOutIsRefused() throws Exception {
        Files.writeString(outside.resolve("parts.xml"), "<mujoco><worldbody/></mujoco>\n");
        Files.createSymbolicLink(folder.resolve("parts.xml"), outside.resolve("parts.xml"));

        assertRefused("<mujoco>\n  <include file=\"parts.xml\"/>\n</mujoco>\n",
                "Refused file=\"parts.xml\" (scene.xml, line 2): " + OUTSIDE);
    }

    @Test
    void aTextureDirectoryThatIsASymbolicLinkOutIsRefusedNamingBoth() throws Exception {
        Files.writeString(outside.resolve("photo.png"), "not really a picture");
        Files.createSymbolicLink(folder.resolve("skins"), outside);

        assertRefused("<mujoco>\n  <compiler texturedir=\"skins\"/>\n  <asset>\n"
                        + "    <texture name=\"t\" type=\"2d\" file=\"photo.png\"/>\n  </asset>\n</mujoco>\n",
                "Refused file=\"photo.png\" (scene.xml, line 4): under texturedir=\"skins\" (scene.xml, line 2) "
                        + OUTSIDE);
    }

    @Test
    void aMeshThatIsALinkToADeviceOrAPipeIsRefused() throws Exception {
        Files.createSymbolicLink(folder.resolve("zero.stl"), Path.of("/dev/zero"));
        assertRefused(meshScene("zero.stl"), "Refused file=\"zero.stl\" (scene.xml, line 3): " + OUTSIDE);

        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("pipe.stl").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        assertRefused(meshScene("pipe.stl"), "Refused file=\"pipe.stl\" (scene.xml, line 3): it is not a plain file"
                + " (a folder, device or pipe)");
    }

    @Test
    void anObjMaterialLibraryThatIsASymbolicLinkOutIsRefused() throws Exception {
        Files.writeString(folder.resolve("part.obj"), "mtllib part.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        Files.writeString(outside.resolve("part.mtl"), "newmtl m\n");
        Files.createSymbolicLink(folder.resolve("part.mtl"), outside.resolve("part.mtl"));

        assertRefused(meshScene("part.obj"), "Refused mtllib=\"part.mtl\" (part.obj, line 1): " + OUTSIDE);
    }

    @Test
    void aSceneWithoutFolderMayNotReadOrIncludeFiles() {
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(meshScene("part.stl"))))
                .hasMessage("Refused file=\"part.stl\" (scene.xml, line 3): this scene has no folder, so it cannot"
                        + " read files; upload the scene with its assets as a folder");
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString("<mujoco>\n<INCLUDE file=\"p.xml\"/>\n</mujoco>")))
                .hasMessageStartingWith("Refused file=\"p.xml\" (scene.xml, line 2): this scene has no folder");
    }

    @Test
    void anIncludeMustExistAndBeXml() throws Exception {
        String scene = "<mujoco>\n  <include file=\"parts.xml\"/>\n</mujoco>\n";
        assertRefused(scene, "Included file 'parts.xml' (scene.xml, line 2) not found in the scene folder");

        Files.writeString(folder.resolve("parts.xml"), "<mujoco>\n<asset>\n</mujoco>\n");
        assertRefused(scene, "Included file 'parts.xml' (scene.xml, line 2) is not XML MuJoCo can read: tinyxml2"
                + " error 14: Error=XML_ERROR_MISMATCHED_ELEMENT ErrorID=14 (0xe) Line number=2: XMLElement"
                + " name=asset");
    }

    @Test
    void refusesOversizedXmlIncludesAndAssets() throws Exception {
        SceneCompiler small = new SceneCompiler(SceneLimits.DEFAULT.withMaxXmlBytes(4096).withMaxAssetBytes(1024));
        String huge = "<mujoco><!--" + "x".repeat(5000) + "--></mujoco>";
        assertThatThrownBy(() -> small.compile(SceneSource.ofString(huge)))
                .hasMessageMatching("Scene XML scene.xml is \\d+ bytes; the limit is 4096 bytes");
        Files.write(folder.resolve("big.stl"), new byte[2048]);
        assertThatThrownBy(() -> small.compile(SceneSource.ofString(meshScene("big.stl"), folder)))
                .hasMessage("Asset 'big.stl' is 2048 bytes; the limit is 1024 bytes");
        Files.writeString(folder.resolve("parts.xml"), huge);
        assertThatThrownBy(() -> small.compile(SceneSource.ofString("<mujoco><include file=\"parts.xml\"/></mujoco>",
                folder))).hasMessageMatching("Scene XML parts.xml is \\d+ bytes; the limit is 4096 bytes");
        assertThatThrownBy(() -> SceneSource.ofFile(folder.resolve("parts.xml"), SceneLimits.DEFAULT
                .withMaxXmlBytes(4096))).hasMessageContaining("the limit is 4096 bytes");
    }

    @Test
    void aSceneThatOnlyLooksLikeAnEscapeLoads() throws Exception {
        // Escapes in a comment, in CDATA and in a text attribute; an include in mixed case whose meshdir applies to
        // the root's mesh; an OBJ whose material library sits next to it.
        Scene scene = compiler.compile(SceneSource.ofFolder(copyOf("benign/look-alikes"), SceneLimits.DEFAULT));
        try {
            assertThat(scene.model().pointer().nmesh()).isEqualTo(1);
            assertThat(scene.model().nbody()).isEqualTo(2);
        } finally {
            scene.release();
        }
    }

    @Test
    void everySampleModelMuJoCoShipsLoads() throws Exception {
        Path samples = Path.of("/usr/share/mujoco/model");
        assumeThat(samples).as("libmujoco-samples (scripts/setup.sh installs it)").isDirectory();
        List<Path> models;
        try (Stream<Path> files = Files.walk(samples)) {
            models = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThan(10);
        for (Path model : models) {
            Scene scene = compiler.compile(SceneSource.ofFile(model, SceneLimits.DEFAULT));
            scene.release();
        }
    }

    private void assertRefused(String xml, String message) {
        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(xml, folder)))
                .isInstanceOf(SceneLoadException.class).hasMessage(message);
    }

    private static String meshScene(String file) {
        return "<mujoco>\n  <asset>\n    <mesh name=\"m\" file=\"" + file + "\"/>\n  </asset>\n"
                + "  <worldbody><geom type=\"mesh\" mesh=\"m\"/></worldbody>\n</mujoco>\n";
    }

    /** A copy of a corpus folder in this test's own folder, so no test reads another's files. */
    private Path copyOf(String resource) throws IOException, URISyntaxException {
        Path source = Path.of(Objects.requireNonNull(SceneSandboxTest.class.getResource(resource), resource).toURI());
        Path target = folder.resolve(source.getFileName().toString());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
            }
        }
        return target;
    }
}
