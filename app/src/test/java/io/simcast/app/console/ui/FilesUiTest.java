package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** Open, save, save as, recent files, drag and drop, presets: each loads into the editor and the simulation. */
class FilesUiTest extends ConsoleUiTest {
    private static final String BALL = "<mujoco model=\"ball\">\n  <worldbody>\n    <body pos=\"0 0 1\">\n"
            + "      <freejoint/>\n      <geom size=\"0.1\"/>\n    </body>\n  </worldbody>\n</mujoco>\n";

    @Test
    void openEditSaveAndSaveAsRoundTrip() throws Exception {
        Path file = Files.writeString(dataFolder.resolve("ball.xml"), BALL);
        dialogs.choosing(file);
        press(KeyCode.CONTROL, KeyCode.O);
        awaitFx("the file in the editor", () -> editor().getText().equals(BALL));
        Eventually.await("the ball to run", () -> snapshot().sceneId().equals("ball"));

        robot().clickOn("#editor");
        press(KeyCode.CONTROL, KeyCode.END);
        robot().write("<!-- saved -->");
        awaitFx("the unsaved mark", () -> stage().getTitle().startsWith("• ball.xml"));
        press(KeyCode.CONTROL, KeyCode.S);
        Eventually.await("the file to be written", () -> read(file).equals(BALL + "<!-- saved -->"));
        awaitFx("the saved title", () -> stage().getTitle().equals("ball.xml — Simcast"));

        Path copy = dataFolder.resolve("copy.xml");
        dialogs.choosing(copy);
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        Eventually.await("the copy", () -> read(copy).equals(BALL + "<!-- saved -->"));
        awaitFx("the copy's title", () -> stage().getTitle().equals("copy.xml — Simcast"));
        assertThat(dialogs.asked()).containsExactly("open", "save ball.xml");
        awaitFx("the recent files", () -> recentFiles().getItems().equals(List.of(copy, file)));
    }

    @Test
    void recentFilesAndPresetsLoadWithOneClick() throws Exception {
        Path file = Files.writeString(dataFolder.resolve("ball.xml"), BALL);
        services.preferences().addRecent(file);

        robot().clickOn("Cart-pole");
        Eventually.await("cart-pole to run", () -> snapshot().sceneId().equals("cartpole"));
        awaitFx("its text in the editor", () -> editor().getText().contains("cart"));

        robot().clickOn("ball.xml");
        Eventually.await("the ball to run", () -> snapshot().sceneId().equals("ball"));
        assertThat(editorText()).isEqualTo(BALL);
    }

    @Test
    void droppingAFileLoadsIt() throws Exception {
        Path file = Files.writeString(dataFolder.resolve("dropped.xml"), BALL);
        drop(file);
        awaitFx("the file in the editor", () -> editor().getText().equals(BALL));
        Eventually.await("it to run", () -> snapshot().sceneId().equals("dropped"));
    }

    @Test
    void droppingAFolderLoadsItsSceneWithItsAssets() throws Exception {
        Path folder = Files.createDirectories(dataFolder.resolve("tetra"));
        Files.writeString(folder.resolve("tetra.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\n"
                + "f 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n");
        String scene = "<mujoco>\n  <asset>\n    <mesh name=\"tetra\" file=\"tetra.obj\" scale=\"0.2 0.2 0.2\"/>\n"
                + "  </asset>\n  <worldbody>\n    <body pos=\"0 0 1\">\n      <freejoint/>\n"
                + "      <geom type=\"mesh\" mesh=\"tetra\"/>\n    </body>\n  </worldbody>\n</mujoco>\n";
        Files.writeString(folder.resolve("scene.xml"), scene);
        drop(folder);
        awaitFx("the scene in the editor", () -> editor().getText().equals(scene));
        Eventually.await("it to run, mesh and all", () -> snapshot().sceneId().equals("scene"));
        assertThat(snapshot().scene().model().pointer().nmesh()).isEqualTo(1);
    }

    private Stage stage() {
        return (Stage) editor().getScene().getWindow();
    }

    @SuppressWarnings("unchecked")
    private ListView<Path> recentFiles() {
        return lookup("#recent-files", ListView.class);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void drop(Path path) {
        fx(() -> {
            DesktopDrag.drop(editor().getScene(), List.of(path.toFile()));
            return null;
        });
    }
}
