package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile and malformed MJCF corpus (test resources, {@code hostile/}) through {@link IsolatedSceneCompiler}: each
 * document is refused with the sentence a user reads, or compiles harmlessly, and none of them touches this JVM.
 * Without the child process the memory-hungry ones would have grown this process by gigabytes (the particle
 * composite reached 20 GB before it was stopped by hand) and the slow one would have held a thread for minutes.
 */
class HostileSceneTest {
    private static final String CRASHED_OUT_OF_MEMORY = "MuJoCo ran out of memory compiling this scene (it asks for far"
            + " more than any real model needs); the scene was refused and the host is unaffected";
    private static final String TIMED_OUT_3_S = "MuJoCo did not finish compiling, stepping and drawing this scene"
            + " within 3 s of processor time, so the check was stopped; make the model smaller (fewer bodies, smaller"
            + " composites, meshes and height fields)";
    private final IsolatedSceneCompiler compiler = patientCompiler();

    /**
     * The isolated compiler with the default limits and memory cap, and three times the processor time: a document
     * that runs out of memory takes up to 15 s of it, near the default 20, and these tests assert which refusal it
     * gets (the processor limit has its own test).
     */
    static IsolatedSceneCompiler patientCompiler() {
        return new IsolatedSceneCompiler(SceneLimits.DEFAULT, Duration.ofSeconds(60),
                IsolatedSceneCompiler.DEFAULT_MEMORY_BYTES);
    }

    static Stream<Arguments> refusedDocuments() {
        return Stream.of(
                Arguments.of("composite-grid-huge.xml", CRASHED_OUT_OF_MEMORY),
                Arguments.of("composite-particle-huge.xml", CRASHED_OUT_OF_MEMORY),
                Arguments.of("giant-sizes.xml", CRASHED_OUT_OF_MEMORY),
                Arguments.of("user-overflow.xml", CRASHED_OUT_OF_MEMORY),
                Arguments.of("hfield-huge.xml", CRASHED_OUT_OF_MEMORY),
                Arguments.of("texture-huge.xml", CRASHED_OUT_OF_MEMORY),
                Arguments.of("giant-buffers.xml", "Error: could not create mjData"),
                Arguments.of("deep-nesting.xml", "XML parse error 18:\nError=XML_ELEMENT_DEPTH_EXCEEDED ErrorID=18"
                        + " (0x12) Line number=2: Element nesting is too deep."),
                Arguments.of("include-parent.xml", "Refused file=\"../../../../etc/passwd\" (scene.xml, line 2): '..' may not"
                        + " leave the scene folder"),
                Arguments.of("mesh-absolute.xml", "Refused file=\"/etc/passwd\" (scene.xml, line 3): absolute paths are not"
                        + " allowed; use a path relative to the scene folder"),
                Arguments.of("mesh-encoded-parent.xml", "Refused file=\"../../secret.stl\" (scene.xml, line 3): '..' may not leave"
                        + " the scene folder"),
                Arguments.of("meshdir-absolute.xml", "Refused meshdir=\"/etc\" (scene.xml, line 2): absolute paths are not"
                        + " allowed; use a path relative to the scene folder"),
                Arguments.of("urdf-package-escape.xml", "Refused filename=\"package://../../../etc/shadow\" (scene.xml, line 5): '..' may not"
                        + " leave the scene folder"),
                Arguments.of("nan-attributes.xml", "Error: mass and inertia of moving bodies must be larger than"
                        + " mjMINVAL\nObject name = , id = 1, line = 4, column = -1"),
                Arguments.of("skin-bad-vertex.xml", "Error: vertid 900000 out of range in skin\nObject name = s, id = 0,"
                        + " line = 3, column = -1"),
                Arguments.of("binary-junk.xml", "XML parse error 8:\nError=XML_ERROR_PARSING_TEXT ErrorID=8 (0x8)"
                        + " Line number=1"),
                Arguments.of("unclosed.xml", "XML parse error 15:\nError=XML_ERROR_PARSING ErrorID=15 (0xf)"
                        + " Line number=4"),
                Arguments.of("not-a-model.xml", "XML Error: Unrecognized XML model type: 'html'"),
                Arguments.of("billion-laughs.xml", "Refused <!DOCTYPE mujoco [ <!ENTITY lol \"lol\"> (scene.xml, line 2): a"
                        + " scene may not declare a document type or entities (MuJoCo ignores them)"),
                Arguments.of("external-entity.xml", "Refused <!DOCTYPE mujoco [ <!ENTITY secret SYSTEM"
                        + " \"file:///etc/passwd\"> (scene.xml, line 2): a scene may not declare a document type or"
                        + " entities (MuJoCo ignores them)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDocuments")
    void aHostileDocumentIsRefusedWithASentenceAndThisProcessIsUntouched(String file, String message)
            throws Exception {
        SceneSource source = SceneSource.ofString(corpus(file));

        assertThatThrownBy(() -> compiler.compile(source)).isInstanceOf(SceneLoadException.class).hasMessage(message);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // MuJoCo alone would take longer: the check must stop it
    void aSceneThatCompilesForeverIsStoppedAtItsProcessorLimit() {
        // A short limit, so the slow composite costs the suite seconds, not the minutes MuJoCo would take; processor
        // time, so a machine busy with other work only makes it take longer.
        IsolatedSceneCompiler impatient = new IsolatedSceneCompiler(SceneLimits.DEFAULT, Duration.ofSeconds(3),
                IsolatedSceneCompiler.DEFAULT_MEMORY_BYTES);

        assertThatThrownBy(() -> impatient.compile(SceneSource.ofString(corpus("composite-slow.xml"))))
                .hasMessage(TIMED_OUT_3_S);
    }

    @Test
    void aDocumentThatCorruptsMuJoCosMemoryIsRefusedWhateverItDoesThisTime() {
        // A negative face index: MuJoCo 2.2.2 writes out of bounds, then reports the error, aborts or hangs (about
        // six, one and three times in ten). In the host's own process any of these would be a disaster.
        IsolatedSceneCompiler impatient = new IsolatedSceneCompiler(SceneLimits.DEFAULT, Duration.ofSeconds(4),
                IsolatedSceneCompiler.DEFAULT_MEMORY_BYTES);

        assertThatThrownBy(() -> impatient.compile(SceneSource.ofString(corpus("mesh-bad-faces.xml"))))
                .isInstanceOf(SceneLoadException.class)
                .message().isIn("Error: vertex index out of range in m (index = 3)\nObject name = m, id = 0, line = 4,"
                                + " column = -1",
                        "MuJoCo crashed compiling this scene (exit 134, signal 6); the scene was refused and the host is"
                                + " unaffected",
                        TIMED_OUT_3_S.replace("3 s", "4 s"),
                        "The scene check did not finish within 60 s (MuJoCo hung, or this machine is overloaded), so"
                                + " it was stopped; the scene was refused and the host is unaffected");
    }

    @Test
    void anIncludeLoopIsReportedByMuJoCo() throws Exception {
        SceneSource source = SceneSource.ofFolder(corpusFolder("include-loop"), SceneLimits.DEFAULT);

        assertThatThrownBy(() -> compiler.compile(source))
                .hasMessage("XML Error: File 'scene.xml' already included\nElement 'include', line 0");
    }

    @Test
    void giantNumbersStayNumbersSoThisIsAHarmlessScene() throws Exception {
        Scene scene = compiler.compile(SceneSource.ofString(corpus("giant-numbers.xml")));
        try {
            assertThat(scene.model().nbody()).isLessThanOrEqualTo(2);
        } finally {
            scene.release();
        }
    }

    @Test
    void aHugeAttributeValueIsRefusedByMuJoCo() {
        String huge = "<mujoco>\n  <worldbody>\n    <geom size=\"" + "1 ".repeat(900_000) + "\"/>\n  </worldbody>\n"
                + "</mujoco>\n";

        assertThatThrownBy(() -> compiler.compile(SceneSource.ofString(huge))).hasMessage("XML Error: attribute 'size' has too much data\nElement 'geom', line 3");
    }

    @Test
    void aWellFormedSceneCompilesAndRunsAfterItsCheck() throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        SceneSource humanoid = catalog.source(catalog.find("humanoid").orElseThrow());
        SceneSource outside = SceneSource.ofString(humanoid.xml());

        Scene scene = compiler.compile(outside);
        try {
            assertThat(Rollout.run(scene, 100).stable()).isTrue();
        } finally {
            scene.release();
        }
    }

    private static String corpus(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(HostileSceneTest.class.getResourceAsStream("hostile/" + file),
                file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path corpusFolder(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(HostileSceneTest.class.getResource("hostile/" + name)).toURI());
    }
}
