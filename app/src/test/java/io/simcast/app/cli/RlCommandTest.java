package io.simcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.rl.TrainingScript;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RlCommandTest {

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome simcast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimcastCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void tasksListsEveryRobotsTasksWithTheirSpaceSizes() {
        Outcome tasks = simcast("rl", "tasks");
        assertThat(tasks.exitCode()).isZero();
        assertThat(tasks.out().lines()).hasSize(6)
                .anySatisfy(line -> assertThat(line).startsWith("cartpole balance    obs  4  act  1   500 steps"))
                .anySatisfy(line -> assertThat(line).startsWith("anymal   walk       obs 48  act 12  1000 steps"));
    }

    @Test
    void scriptWritesTheGeneratedScriptToTheFileAndSaysHowToTryIt(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("train.py");
        Outcome script = simcast("rl", "script", "--robot", "panda", "--task", "reach", "--algo", "sac",
                "--out", file.toString());
        assertThat(script.exitCode()).isZero();
        assertThat(Files.readString(file))
                .isEqualTo(TrainingScript.generate("panda", "reach", TrainingScript.Algorithm.SAC));
        assertThat(script.err()).contains("Wrote " + file + "; try: python3 " + file + " --url");
    }

    @Test
    void scriptWithoutOutPrintsTheScript() {
        Outcome script = simcast("rl", "script", "--robot", "cartpole", "--task", "swing-up");
        assertThat(script.exitCode()).isZero();
        assertThat(script.out()).isEqualTo(TrainingScript.generate("cartpole", "swing-up", TrainingScript.Algorithm.PPO));
    }

    @Test
    void unknownTasksAndAlgorithmsFailWithOneLine() {
        Outcome task = simcast("rl", "script", "--robot", "ur5e", "--task", "pick-cube");
        assertThat(task.exitCode()).isEqualTo(1);
        assertThat(task.err()).isEqualTo("simcast: Robot 'ur5e' has no task 'pick-cube'. Its tasks: reach\n");
        Outcome algorithm = simcast("rl", "script", "--robot", "ur5e", "--task", "reach", "--algo", "dqn");
        assertThat(algorithm.err()).isEqualTo("simcast: Unknown algorithm 'dqn'. Algorithms: ppo, sac\n");
    }

    @Test
    void packageWritesThePythonPackageForPip(@TempDir Path folder) throws Exception {
        Outcome written = simcast("rl", "package", "--out", folder.resolve("py").toString());
        assertThat(written.exitCode()).isZero();
        assertThat(folder.resolve("py/pyproject.toml")).isRegularFile();
        assertThat(folder.resolve("py/simcast/sb3.py")).isRegularFile();
        assertThat(written.err()).contains("install it with: pip install " + folder.resolve("py"));
    }
}
