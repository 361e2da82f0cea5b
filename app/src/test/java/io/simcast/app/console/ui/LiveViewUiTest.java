package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.Eventually;
import io.simcast.app.console.TestOptions;
import io.simcast.sim.physics.SimulationSnapshot;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live view: the renderer's picture of the running scene in the window, turned by the mouse as in simulate, a
 * body picked with a double-click and lifted with Ctrl+right drag, a fixed camera chosen with ], the size following
 * the window, and Ctrl+P writing the picture to a file. The scene is a red box on a floor.
 */
class LiveViewUiTest extends ConsoleUiTest {

    @Override
    ConsoleOptions options() {
        try {
            Path scene = Path.of(LiveViewUiTest.class.getResource("loose-box.xml").toURI());
            return TestOptions.of(dataFolder, scene.toString());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private Image shownImage() {
        return fx(() -> lookup("#live-view-image", ImageView.class).getImage());
    }

    /** The picture on screen, ARGB; waits for a frame of the view's current size. */
    private int[] picture() {
        Image image = Eventually.awaitValue("a picture in the live view", this::shownImage);
        return fx(() -> {
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            return argb;
        });
    }

    /** Share of pixels whose colour differs by more than a little. */
    /**
     * The picture once it holds still: after a pause a frame drawn just before it may still be on its way, later on
     * a busy machine. A picture that never settles fails the test.
     */
    private int[] stillPicture() throws InterruptedException {
        int[] last = picture();
        for (int look = 0; look < 200; look++) { // a minute at most
            Thread.sleep(300); // nine frame periods: a view still changing shows a new picture meanwhile
            int[] now = picture();
            if (differing(last, now) < 0.001) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the picture did not hold still within a minute");
    }

    private static double differing(int[] a, int[] b) {
        if (a.length != b.length) {
            return 1;
        }
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            int d = Math.abs((a[i] >> 16 & 0xFF) - (b[i] >> 16 & 0xFF)) + Math.abs((a[i] >> 8 & 0xFF) - (b[i] >> 8 & 0xFF))
                    + Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            if (d > 24) {
                count++;
            }
        }
        return (double) count / a.length;
    }

    private Point2D viewCentre() {
        Node view = lookup("#live-view", Node.class);
        Bounds bounds = fx(() -> view.localToScreen(view.getBoundsInLocal()));
        return new Point2D(bounds.getCenterX(), bounds.getCenterY());
    }

    private double viewHeight() {
        return fx(() -> lookup("#live-view", Node.class).getBoundsInLocal().getHeight());
    }

    private void pause() {
        click("#play");
        Eventually.await("the pause", () -> !snapshot().playing());
    }

    @Test
    void draggingTheViewTurnsTheCamera() throws Exception {
        pause();
        int[] before = stillPicture(); // a paused picture holds still

        Point2D centre = viewCentre();
        robot().moveTo(centre).press(MouseButton.PRIMARY).moveBy(60, 0).moveBy(60, 0).release(MouseButton.PRIMARY);

        Eventually.await("the picture to turn", () -> differing(before, picture()) > 0.05);
    }

    /**
     * A loaded machine can hold the FX thread between the two clicks past the double-click time (or before the
     * camera key took effect), as a busy desktop would: the click is then two single clicks, so it is made again.
     */
    private void doubleClickUntilTheBoxIsSelected(Point2D at) {
        for (int attempt = 1; ; attempt++) {
            robot().moveTo(at).doubleClickOn(MouseButton.PRIMARY);
            try {
                Eventually.await("the box to be selected", () -> snapshot().perturbation().body() == 1,
                        Duration.ofSeconds(15));
                return;
            } catch (AssertionError e) {
                if (attempt == 8) {
                    throw e;
                }
            }
        }
    }

    @Test
    void aDoubleClickedBodyIsLiftedByCtrlRightDragInTheSimulation() {
        click("#live-view");
        press(KeyCode.CLOSE_BRACKET); // camera "front": the box in the middle of the picture
        Point2D centre = viewCentre();
        doubleClickUntilTheBoxIsSelected(centre);
        awaitFx("its name in the view's corner", () -> lookup("#live-view-selected", Label.class).isVisible()
                && lookup("#live-view-selected", Label.class).getText().equals("Selected: box"));
        double restingHeight = snapshot().qpos()[2];

        // JavaFX's headless robot leaves the keyboard's modifiers out of mouse events, so this drag is delivered
        // to the view as the events a desktop sends for it.
        Node view = lookup("#live-view", Node.class);
        double x = fx(() -> view.getBoundsInLocal().getCenterX());
        double y = fx(() -> view.getBoundsInLocal().getCenterY());
        ctrlMouse(view, MouseEvent.MOUSE_PRESSED, x, y);
        for (int i = 1; i <= 6; i++) {
            ctrlMouse(view, MouseEvent.MOUSE_DRAGGED, x, y - i * viewHeight() * 0.06); // 36 % of the height, up
        }
        SimulationSnapshot lifted = Eventually.awaitValue("the box to rise",
                () -> snapshot().qpos()[2] > restingHeight + 0.3 ? snapshot() : null);
        ctrlMouse(view, MouseEvent.MOUSE_RELEASED, x, y - 6 * viewHeight() * 0.06);

        assertThat(lifted.perturbation().translate()).isTrue();
        Eventually.await("the box to fall back", () -> snapshot().qpos()[2] < restingHeight + 0.02);
    }

    /** A right-button event with Ctrl held at ({@code x}, {@code y}) in {@code node}, delivered as the desktop does. */
    private static void ctrlMouse(Node node, EventType<MouseEvent> type, double x, double y) {
        fx(() -> {
            Point2D screen = node.localToScreen(x, y);
            Event.fireEvent(node, new MouseEvent(type, x, y, screen.getX(), screen.getY(), MouseButton.SECONDARY, 1,
                    false, true, false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false, false, true,
                    null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theViewRendersAtTheSizeTheWindowGivesIt() {
        double width = fx(() -> lookup("#live-view", Node.class).getBoundsInLocal().getWidth());
        Eventually.await("a frame of the view's size", () -> shownImage() != null
                && Math.abs(shownImage().getWidth() - width) <= 1);

        fx(() -> {
            Stage stage = (Stage) lookup("#live-view", Node.class).getScene().getWindow();
            stage.setWidth(stage.getWidth() - 200);
            return null;
        });

        awaitFx("the narrower window's layout",
                () -> lookup("#live-view", Node.class).getBoundsInLocal().getWidth() < width - 50);
        double narrower = fx(() -> lookup("#live-view", Node.class).getBoundsInLocal().getWidth());
        Eventually.await("a frame of the new size", () -> Math.abs(shownImage().getWidth() - narrower) <= 1
                && Math.abs(shownImage().getHeight() - viewHeight()) <= 1);
    }

    /** The first PNG file in the screenshots folder, once there is one. */
    private Path savedPicture() {
        Path folder = dataFolder.resolve("screenshots");
        return Eventually.awaitValue("the PNG", () -> {
            try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
                return files.filter(f -> f.toString().endsWith(".png")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    @Test
    void theToolbarSwitchesCamerasAndSavesThePictureAsTheKeysDo() throws Exception {
        assertThat(fx(() -> lookup("#next-camera", Button.class).getTooltip().getText()))
                .isEqualTo("The scene's next fixed camera (])");
        assertThat(fx(() -> lookup("#free-camera", Button.class).getTooltip().getText()))
                .isEqualTo("Back to the free camera the mouse turns (Esc)");
        assertThat(fx(() -> lookup("#picture", Button.class).getTooltip().getText()))
                .isEqualTo("Save the live view's picture to a PNG file (Ctrl+P)");
        pause();
        int[] free = stillPicture();

        click("#next-camera");
        Eventually.await("camera front's picture", () -> differing(free, picture()) > 0.05);
        // The name fades after a few seconds; its text stays, so a slow machine still reads it.
        awaitFx("the camera named in the view", () -> lookup("#live-view-camera", Label.class).getText()
                .equals("Camera: front"));
        click("#previous-camera"); // before the first fixed camera comes the free one, as in simulate
        Eventually.await("the free camera's picture again", () -> differing(free, picture()) < 0.001);
        click("#next-camera");
        Eventually.await("camera front's picture again", () -> differing(free, picture()) > 0.05);
        click("#free-camera");
        Eventually.await("the free camera's picture once more", () -> differing(free, picture()) < 0.001);
        awaitFx("the free camera named", () -> lookup("#live-view-camera", Label.class).getText()
                .equals("Free camera"));

        click("#picture");
        BufferedImage png = ImageIO.read(savedPicture().toFile());
        assertThat(png.getWidth()).isEqualTo((int) shownImage().getWidth());
    }

    @Test
    void ctrlPSavesThePictureOnScreenToAPngFile() throws Exception {
        pause();
        int[] shown = stillPicture();
        int width = (int) shownImage().getWidth();
        click("#live-view");

        press(KeyCode.CONTROL, KeyCode.P);

        Path file = savedPicture();
        assertThat(file.getFileName().toString()).startsWith("simcast-loose-box-");
        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(width);
        assertThat(png.getHeight()).isEqualTo(shown.length / width);
        int centre = (png.getHeight() / 2) * width + width / 2;
        assertThat(png.getRGB(width / 2, png.getHeight() / 2) & 0xFFFFFF).isEqualTo(shown[centre] & 0xFFFFFF);
        awaitFx("the log line", () -> lookup("#log", ListView.class).getItems().stream()
                .anyMatch(entry -> entry.toString().contains("Saved a picture of the view to " + file)));
        assertThat(fx(() -> lookup("#status-notice", Label.class).getText()))
                .isEqualTo("Saved a picture of the view to " + file);
    }
}
