package io.simcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simcast snapshot} and the rendering line of {@code simcast check}. */
class RenderCommandsTest {
    /**
     * A fixed red box above a green one that falls 0.6 m onto the floor, in front of camera "front"; self-lit, so
     * their colours are exact.
     */
    private static final String BOXES = """
            <mujoco>
              <asset>
                <material name="red" rgba="1 0 0 1" emission="1" specular="0"/>
                <material name="green" rgba="0 1 0 1" emission="1" specular="0"/>
              </asset>
              <worldbody>
                <camera name="front" pos="0 -3 1" xyaxes="1 0 0 0 0 1"/>
                <geom type="plane" size="2 2 0.1" rgba="0.5 0.5 0.5 1"/>
                <body pos="0 0 1.6"><geom type="box" size="0.3 0.3 0.3" material="red"/></body>
                <body name="falling" pos="0 0 0.9">
                  <freejoint/>
                  <geom type="box" size="0.3 0.3 0.3" material="green"/>
                </body>
              </worldbody>
            </mujoco>
            """;

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome simcast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimcastCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void snapshotWritesAnUprightPictureFromTheNamedCameraAfterSimulating(@TempDir Path folder) throws Exception {
        Path scene = Files.writeString(folder.resolve("boxes.xml"), BOXES);
        Path start = folder.resolve("start.png");
        Path later = folder.resolve("later.png");
        Outcome first = simcast("snapshot", "--scene", scene.toString(), "--width", "160", "--height", "120",
                "--camera", "front", "--out", start.toString());
        Outcome second = simcast("snapshot", "--scene", scene.toString(), "--width", "160", "--height", "120",
                "--camera", "front", "--time", "0.5", "--out", later.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("160x120").contains("at t=0.500 s").contains("camera front");

        BufferedImage image = ImageIO.read(start.toFile());
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(120);
        double redRow = meanRow(image, 0xFF0000);
        double greenRow = meanRow(image, 0x00FF00);
        assertThat(redRow).as("red above green").isLessThan(greenRow);
        // Half a second later the green box has fallen: lower in the picture, the red one where it was.
        BufferedImage fallen = ImageIO.read(later.toFile());
        assertThat(meanRow(fallen, 0x00FF00)).isGreaterThan(greenRow + 5);
        assertThat(meanRow(fallen, 0xFF0000)).isEqualTo(redRow);
    }

    @Test
    void snapshotNamesTheCamerasWhenTheCameraIsUnknown(@TempDir Path folder) throws Exception {
        Path scene = Files.writeString(folder.resolve("boxes.xml"), BOXES);
        Outcome outcome = simcast("snapshot", "--scene", scene.toString(), "--camera", "side", "--out",
                folder.resolve("x.png").toString());
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("simcast: No camera named 'side' in this scene; its cameras: front");
        assertThat(Files.exists(folder.resolve("x.png"))).isFalse();
    }

    @Test
    void checkReportsWhatRenderingRunsOn() {
        Outcome check = simcast("check");
        assertThat(check.out()).containsPattern("Rendering: EGL [0-9.]+ \\(.+, (device|surfaceless) platform\\), "
                + "OpenGL .+ on .+");
    }

    /** The mean row of the pixels of exactly this colour. */
    private static double meanRow(BufferedImage image, int rgb) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    sum += y;
                    n++;
                }
            }
        }
        assertThat(n).as("pixels of colour %06x", rgb).isPositive();
        return sum / n;
    }
}
