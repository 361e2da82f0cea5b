package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenes that are cheap to compile and expensive to draw or to hold, generated here (none is committed): each is
 * refused by the isolated check, in its child process, with the sentence a user reads, before the host compiles or
 * draws anything; and what {@link ModelBudget} cannot count, the child's render check catches.
 */
class ModelBudgetTest {
    private final IsolatedSceneCompiler isolated = HostileSceneTest.patientCompiler();

    @TempDir
    Path folder;

    @Test
    void aHugeHeightFieldIsRefused() {
        // 5000 x 5000: 100 MB of floats to compile, 50 million triangles in display lists to draw every frame.
        assertRefused(scene("<asset><hfield name=\"terrain\" nrow=\"5000\" ncol=\"5000\" size=\"10 10 1 0.1\"/></asset>"
                        + "<worldbody><geom type=\"hfield\" hfield=\"terrain\"/></worldbody>"),
                "Refused: the height fields have 25000000 cells in all (height field 'terrain' has 25000000 cells);"
                        + " the limit is 262144 cells (MuJoCo draws every cell: use fewer rows and columns)");
    }

    @Test
    void hugeTexturesAreRefused() {
        assertRefused(scene("<asset><texture name=\"floor\" type=\"2d\" builtin=\"checker\" width=\"8192\""
                        + " height=\"8192\"/></asset>"),
                "Refused: the textures have 67108864 pixels in all (texture 'floor' has 67108864 pixels); the limit"
                        + " is 33554432 pixels (use smaller images)");
    }

    @Test
    void aHugeStackIsRefused() {
        assertRefused(scene("<size nstack=\"100000000\"/>"),
                "Refused <size nstack=\"100000000\">: the simulation's stack would take 762 MiB; the limit is 512 MiB");
    }

    @Test
    void drawingDetailAndRenderBuffersAreBounded() {
        assertRefused(scene("<visual><quality numslices=\"5000\"/></visual>"),
                "Refused <visual><quality numslices=\"5000\">: the limit is 64");
        assertRefused(scene("<visual><global offwidth=\"16384\" offheight=\"16384\"/></visual>"),
                "Refused <visual>: an offscreen buffer of 16384 x 16384 with 4 samples and a shadow map of 4096 x"
                        + " 4096 would take 10304 MiB of graphics memory; the limit is 512 MiB (lower offwidth,"
                        + " offheight, offsamples or shadowsize)");
    }

    @Test
    void meshesAndSkinsShareOneBudget() throws Exception {
        // Real-size meshes would need hundreds of megabytes of files: the same rule, with a small limit.
        Files.write(folder.resolve("tetra.stl"), tetrahedronStl());
        String xml = "<mujoco><asset><mesh name=\"a\" file=\"tetra.stl\"/><mesh name=\"b\" file=\"tetra.stl\"/></asset>"
                + "<worldbody><geom type=\"mesh\" mesh=\"a\"/><geom type=\"mesh\" mesh=\"b\"/></worldbody></mujoco>";
        SceneCompiler small = new SceneCompiler(SceneLimits.DEFAULT.withMaxMeshSize(1000, 7));

        assertThatThrownBy(() -> small.compile(SceneSource.ofString(xml, folder)))
                .hasMessage("Refused: the meshes and skins have 8 faces in all (mesh 'a' has 4 faces); the limit is 7"
                        + " faces (simplify the meshes)");
        Scene fits = new SceneCompiler(SceneLimits.DEFAULT.withMaxMeshSize(1000, 8)).compile(
                SceneSource.ofString(xml, folder));
        fits.release();
    }

    @Test
    void whatOnlyTheRendererRefusesIsRefusedInTheChild() {
        // MuJoCo 2.2.2 compiles any number of textures, but its GL context holds at most 1000.
        String textures = IntStream.range(0, 1001)
                .mapToObj(i -> "<texture name=\"t" + i + "\" type=\"2d\" builtin=\"flat\" width=\"2\" height=\"2\"/>")
                .collect(Collectors.joining());

        assertRefused(scene("<asset>" + textures + "</asset>"),
                "MuJoCo could not prepare this scene for drawing (MuJoCo error: Maximum number of textures is 1000);"
                        + " the scene was refused and the host is unaffected");
    }

    private void assertRefused(String xml, String message) {
        assertThatThrownBy(() -> isolated.compile(SceneSource.ofString(xml)))
                .isInstanceOf(SceneLoadException.class).hasMessage(message);
    }

    private static String scene(String body) {
        return "<mujoco>" + body + "<worldbody><light pos=\"0 0 3\"/><geom size=\"0.1\"/></worldbody></mujoco>";
    }

    /** A binary STL tetrahedron: four faces. */
    private static byte[] tetrahedronStl() throws IOException {
        float[][] v = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int[][] faces = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3}};
        ByteBuffer stl = ByteBuffer.allocate(84 + 50 * faces.length).order(ByteOrder.LITTLE_ENDIAN);
        stl.position(80);
        stl.putInt(faces.length);
        for (int[] face : faces) {
            stl.putFloat(0).putFloat(0).putFloat(0);
            for (int index : face) {
                stl.putFloat(v[index][0]).putFloat(v[index][1]).putFloat(v[index][2]);
            }
            stl.putShort((short) 0);
        }
        assertThat(stl.hasRemaining()).isFalse();
        return stl.array();
    }
}
