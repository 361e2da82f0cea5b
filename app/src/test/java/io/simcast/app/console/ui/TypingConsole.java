package io.simcast.app.console.ui;

import io.simcast.app.console.Console;
import io.simcast.app.console.ConsoleServices;
import io.simcast.app.console.TestOptions;
import io.simcast.app.console.files.ScriptedDialogs;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A console in a process of its own, for {@link SigkillRecoveryUiTest}: starts on JavaFX's headless platform with the
 * data folder {@code args[0]}, types {@code args[1]} at the end of the editor as a person would, and then waits to be
 * killed. It never stops by itself.
 */
public final class TypingConsole {
    private TypingConsole() {}

    public static void main(String[] args) throws Exception {
        ConsoleServices services = ConsoleServices.start(TestOptions.of(Path.of(args[0]), null));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> new Console(stage, services, owner -> new ScriptedDialogs(),
                ConsoleUiTest.AUTOSAVE).show());
        WaitForAsyncUtils.waitForFxEvents();
        FxRobot robot = new FxRobot();
        robot.clickOn("#editor");
        robot.push(KeyCode.CONTROL, KeyCode.END);
        robot.write(args[1]);
        WaitForAsyncUtils.waitForFxEvents();
        System.out.println("typed");
        Thread.sleep(Long.MAX_VALUE);
    }
}
