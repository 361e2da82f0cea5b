package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Console;
import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.ConsoleServices;
import io.simcast.app.console.Eventually;
import io.simcast.app.console.TestOptions;
import io.simcast.app.console.files.ScriptedDialogs;
import io.simcast.sim.physics.SimulationSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real console in a real JavaFX scene (JavaFX's headless platform), running real MuJoCo, with its own data folder
 * and dialogs answered by {@link ScriptedDialogs}. Subclasses drive it as a person would: the robot clicks and types.
 */
abstract class ConsoleUiTest {
    /** Short, so that recovery tests need not wait long; the product uses {@link Console#AUTOSAVE_PERIOD}. */
    static final Duration AUTOSAVE = Duration.ofMillis(300);

    @TempDir
    Path dataFolder;

    final ScriptedDialogs dialogs = new ScriptedDialogs();
    ConsoleServices services;
    Console console;
    FxRobot robot;

    @BeforeAll
    static void startJavaFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startConsole() throws TimeoutException {
        services = startServices();
        FxToolkit.setupStage(stage -> {
            console = new Console(stage, services, owner -> dialogs, AUTOSAVE);
            stage.sizeToScene(); // the console's own size: the primary stage is shared and a test may have resized it
            console.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopConsole() {
        robot().release(new KeyCode[0]);
        robot().release(new MouseButton[0]);
        if (console != null) {
            robot().interact(console::close);
        }
        services.close();
    }

    /** How the console starts: without a streaming host, unless a test needs one. */
    ConsoleOptions options() {
        return TestOptions.of(dataFolder, null);
    }

    ConsoleServices startServices() {
        return ConsoleServices.start(options());
    }

    FxRobot robot() {
        if (robot == null) {
            robot = new FxRobot();
        }
        return robot;
    }

    /** Reads or changes the UI on the JavaFX thread and returns the result; fails if that thread never gets to it. */
    static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the JavaFX thread did not answer within a minute (frozen?)", e);
        }
    }

    /** Waits until {@code condition}, evaluated on the JavaFX thread, holds. */
    static void awaitFx(String what, Callable<Boolean> condition) {
        Eventually.await(what, () -> fx(condition));
    }

    SimulationSnapshot snapshot() {
        return services.session().snapshot();
    }

    CodeArea editor() {
        return robot().lookup("#editor").queryAs(CodeArea.class);
    }

    String editorText() {
        return fx(() -> editor().getText());
    }

    /** Replaces the editor's whole text as if pasted, caret at {@code caret} (or the end when negative). */
    void setEditorText(String text, int caret) {
        fx(() -> {
            editor().replaceText(text);
            editor().moveTo(caret < 0 ? text.length() : caret);
            editor().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a recovery file under {@code folder} holds {@code text} (what the autosave wrote). */
    static boolean recoveryFileHolds(Path folder, String text) {
        Path recovery = folder.resolve("recovery");
        if (!Files.isDirectory(recovery)) {
            return false;
        }
        try (Stream<Path> files = Files.list(recovery)) {
            return files.filter(file -> file.toString().endsWith(".xml")).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a new console on {@code folder}, where an earlier one stopped without cleaning up, and checks that it
     * offers {@code typed} back and restores it.
     */
    void restartAndRestore(Path folder, String typed) {
        services = ConsoleServices.start(TestOptions.of(folder, null));
        fx(() -> {
            console = new Console(new Stage(), services, owner -> dialogs, AUTOSAVE);
            console.show();
            return null;
        });
        awaitFx("the recovery offer", () -> robot().lookup("#recovery-bar").query().isVisible());
        assertThat(editorText()).isNotEqualTo(typed);
        assertThat(fx(() -> robot().lookup("#recovery-bar .label").queryAs(Label.class).getText()))
                .startsWith("Unsaved text of ").endsWith("was kept when Simcast stopped. Restore it?");

        click("#recovery-restore");
        awaitFx("the text to come back", () -> editor().getText().equals(typed));
        awaitFx("the offer to go", () -> !robot().lookup("#recovery-bar").query().isVisible());
    }

    /** Presses a key combination, e.g. Ctrl+Enter. */
    void press(KeyCode... keys) {
        robot().push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void click(String query) {
        robot().clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Brings a side panel to the front, as clicking its tab does ({@code "viewers"}, {@code "statistics"}). */
    void showPanel(String name) {
        fx(() -> {
            TabPane panels = lookup("#side-panels", TabPane.class);
            panels.getSelectionModel().select(panels.getTabs().stream()
                    .filter(tab -> tab.getId().equals("panel-" + name)).findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T lookup(String query, Class<T> type) {
        return robot().lookup(query).queryAs(type);
    }
}
