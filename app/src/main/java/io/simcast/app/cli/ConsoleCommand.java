package io.simcast.app.cli;

import io.simcast.app.console.ConsoleLauncher;
import io.simcast.app.console.ConsoleOptions;
import io.simcast.streaming.host.StreamingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast console}: the operator console, a desktop window, with the streaming host of {@code simcast serve}
 * embedded (the same options and environment) unless {@code --no-share}.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the operator console: live view, MJCF editor, simulation controls, scenes, viewers and"
                + " statistics; it shares the simulation with browsers as 'simcast serve' does (needs a display).")
final class ConsoleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    SimcastCommand parent;

    @Option(names = "--scene", paramLabel = "ID_OR_FILE",
            description = "Start with this preset, MJCF/URDF file or scene folder (default: the last scene, else pendulum).")
    String scene;

    @Option(names = "--no-share", description = "Start no streaming host: nobody can watch from a browser.")
    boolean noShare;

    @CommandLine.Mixin
    HostOptions hostOptions = new HostOptions();

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Save a PNG of the window once it has settled, then exit (scripts/screenshot.sh).")
    Path screenshot;

    @Override
    public Integer call() throws InterruptedException {
        if (!ConsoleLauncher.displayAvailable(parent.environment())) {
            spec.commandLine().getErr().println("simcast: the console needs a display (DISPLAY or WAYLAND_DISPLAY)");
            spec.commandLine().getErr().flush();
            return 1;
        }
        StreamingConfig sharing = null;
        if (!noShare) {
            HostOptions.Resolved resolved = hostOptions.config(parent.environment());
            sharing = resolved.config();
            resolved.announceToken(spec.commandLine().getOut());
        }
        return ConsoleLauncher.run(ConsoleOptions.ofUser(scene, sharing), screenshot);
    }
}
