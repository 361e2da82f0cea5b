package io.simcast.app.cli;

import io.simcast.sim.rl.PythonPackage;
import io.simcast.sim.rl.RlCatalog;
import io.simcast.sim.rl.RobotSpec;
import io.simcast.sim.rl.TaskSpec;
import io.simcast.sim.rl.TrainingScript;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simcast rl}: the robots and tasks offered for reinforcement learning, and training scripts for them. */
@Command(name = "rl", mixinStandardHelpOptions = true, description = "Reinforcement learning: tasks and training scripts.",
        subcommands = {RlCommand.Tasks.class, RlCommand.Script.class, RlCommand.Package.class})
final class RlCommand {

    /** {@code simcast rl tasks}: every robot's tasks with their space sizes. */
    @Command(name = "tasks", mixinStandardHelpOptions = true,
            description = "List the robots and tasks, with observation and action sizes.")
    static final class Tasks implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--long", description = "Also print each task's observation, action, reward and episode end.")
        boolean details;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (RobotSpec robot : RlCatalog.builtIn().robots()) {
                for (TaskSpec task : robot.tasks()) {
                    out.printf("%-8s %-10s obs %2d  act %2d  %4d steps  %s%n", robot.id(), task.id(),
                            task.observationSpace().size(), task.actionSpace().size(), task.maxEpisodeSteps(),
                            task.title());
                    if (details) {
                        out.println("    " + task.description());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code simcast rl script}: a complete Python training script for one task. */
    @Command(name = "script", mixinStandardHelpOptions = true,
            description = "Write a Python training script (Gymnasium env over the REST API + Stable-Baselines3).")
    static final class Script implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--robot", required = true, description = "Robot id (see 'simcast rl tasks').")
        String robot;

        @Option(names = "--task", required = true, description = "Task id of that robot.")
        String task;

        @Option(names = "--algo", defaultValue = "ppo", description = "ppo or sac (default ${DEFAULT-VALUE}).")
        String algorithm;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write the script (default: standard output).")
        Path out;

        @Override
        public Integer call() throws Exception {
            String script = TrainingScript.generate(robot, task, TrainingScript.Algorithm.of(algorithm));
            if (out == null) {
                spec.commandLine().getOut().print(script);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, script, StandardCharsets.UTF_8);
                PrintWriter err = spec.commandLine().getErr();
                err.println("Wrote " + out + "; try: python3 " + out + " --url http://HOST:PORT --token TOKEN --smoke");
                err.flush();
            }
            return 0;
        }
    }

    /** {@code simcast rl package}: the simcast Python package, ready for pip. */
    @Command(name = "package", mixinStandardHelpOptions = true,
            description = "Write the simcast Python package (Gymnasium and Stable-Baselines3 environments over the"
                    + " REST API) into a folder for pip install.")
    static final class Package implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write it into.")
        Path out;

        @Override
        public Integer call() throws Exception {
            PythonPackage.write(out);
            PrintWriter err = spec.commandLine().getErr();
            err.println("Wrote the simcast Python package to " + out + "; install it with: pip install " + out);
            err.flush();
            return 0;
        }
    }
}
