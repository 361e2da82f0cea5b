package io.simcast.app.cli;

import io.simcast.sim.SimcastVersion;
import io.simcast.sim.generate.GenerationException;
import io.simcast.sim.generate.LlmConfigurationException;
import io.simcast.sim.scene.SceneLoadException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code simcast}: the root of the command line. Without a subcommand it starts the product. */
@Command(name = "simcast",
        mixinStandardHelpOptions = true,
        versionProvider = SimcastCommand.Version.class,
        description = "Run a MuJoCo simulation and share it live with browsers.",
        subcommands = {ServeCommand.class, CheckCommand.class, PresetsCommand.class, StepCommand.class,
                BenchCommand.class, GenerateCommand.class, LlmCommand.class})
public final class SimcastCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** With no display there is no console to open: serve headless, as {@code simcast serve} would. */
    @Override
    public Integer call() {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return spec.commandLine().getSubcommands().get("serve").execute();
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Runs the command line with the given output streams and returns the process exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SimcastCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(SimcastCommand::reportFailure);
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /**
     * Expected failures (bad scene, bad argument, a generation that found no working scene, settings that cannot be
     * stored) print one line a user can act on, not a stack trace.
     */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof SceneLoadException || e instanceof IllegalArgumentException
                || e instanceof GenerationException || e instanceof LlmConfigurationException) {
            PrintWriter err = commandLine.getErr();
            err.println("simcast: " + e.getMessage());
            err.flush();
            return 1;
        }
        throw e;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Simcast " + SimcastVersion.version()};
        }
    }
}
