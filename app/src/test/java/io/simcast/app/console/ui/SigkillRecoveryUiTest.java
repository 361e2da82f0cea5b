package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Nothing typed is lost when the console is killed: a console in a child JVM ({@link TypingConsole}) types, is
 * killed with SIGKILL (no shutdown hook, no cleanup), and the next console offers the text back and restores it.
 */
class SigkillRecoveryUiTest extends ConsoleUiTest {
    private static final String TYPED = "<!-- typed before kill -9 -->";

    @Test
    void textTypedBeforeSigkillIsOfferedAndRestoredByTheNextConsole() throws Exception {
        Path killedFolder = Files.createDirectories(dataFolder.resolve("killed"));
        Process child = startTypingConsole(killedFolder);
        try {
            Eventually.await("the killed console's autosave", () -> recoveryFileHolds(killedFolder, TYPED),
                    java.time.Duration.ofSeconds(300)); // a failure guard: a JVM, MuJoCo and JavaFX start first
        } finally {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child died").isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        String typed = editorText() + TYPED; // the same scene as the killed one opened, and what it typed at the end
        robot().interact(console::close); // the console this test started, on another folder
        services.close();
        restartAndRestore(killedFolder, typed);
    }

    /** This JVM's java, flags and class path, on JavaFX's headless platform, running {@link TypingConsole}. */
    private static Process startTypingConsole(Path folder) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !argument.startsWith("-agentlib") && !argument.startsWith("-javaagent"))
                .forEach(command::add);
        // TestFX waits 10 s for a stage by default; a console with MuJoCo takes longer on a busy machine.
        command.addAll(List.of("-Dglass.platform=Headless", "-Dtestfx.robot=glass", "-Dprism.order=sw",
                "-Dtestfx.setup.timeout=300000",
                "-cp", System.getProperty("java.class.path"), TypingConsole.class.getName(), folder.toString(), TYPED));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolveSibling("typing-console.log").toFile()).start();
    }
}
