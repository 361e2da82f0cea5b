package io.simcast.app.cli;

import io.simcast.app.console.ConsoleLauncher;
import io.simcast.encode.EncoderUnavailableException;
import io.simcast.sim.SimcastVersion;
import io.simcast.generate.GenerationException;
import io.simcast.generate.LlmConfigurationException;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.sim.scene.SceneLoadException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code simcast}: the root of the command line. Without a subcommand it starts the product: the console where
 * there is a display, the headless streaming host ({@code simcast serve}) where there is none.
 */
@Command(name = "simcast",
        mixinStandardHelpOptions = true,
        versionProvider = SimcastCommand.Version.class,
        description = "Run a MuJoCo simulation and share it live with browsers.",
        subcommands = {ConsoleCommand.class, ServeCommand.class, CheckCommand.class, PresetsCommand.class,
                StepCommand.class, SnapshotCommand.class, GenerateCommand.class, McpCommand.class,
                LlmCommand.class, RlCommand.class, RecordCommand.class})
public final class SimcastCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    private SimcastCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The environment that says whether there is a display. */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get(product(environment)).execute();
    }

    /** The subcommand plain {@code simcast} runs in {@code environment}: the console with a display, else serve. */
    static String product(Map<String, String> environment) {
        return ConsoleLauncher.displayAvailable(environment) ? "console" : "serve";
    }

    /** Runs the command line with the given output streams and returns the process exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, in the given environment (which names the display). */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new SimcastCommand(environment));
        for (ExtraCommand extra : ServiceLoader.load(ExtraCommand.class)) {
            commandLine.addSubcommand(extra);
        }
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
     * Expected failures (bad scene, bad argument, an unknown robot or task, a generation that found no working scene,
     * settings that cannot be stored, no renderer) print one line a user can act on, not a stack trace.
     */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof SceneLoadException || e instanceof IllegalArgumentException
                || e instanceof NoSuchElementException || e instanceof GenerationException
                || e instanceof LlmConfigurationException || e instanceof RenderUnavailableException
                || e instanceof EncoderUnavailableException) {
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
