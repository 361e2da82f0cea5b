package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs a generated script's --smoke mode with Debian's python3 and numpy against {@link FakeRlServer}, the REST
 * contract of docs/RL.md over the real environments. Gymnasium itself is not installable here: a stand-in with the
 * parts the script uses is on PYTHONPATH (test resources, stubs/gymnasium).
 */
class ScriptSmokeTest {

    private static Python.Outcome smoke(Path folder, String robot, String task, String url, String token)
            throws Exception {
        Path script = folder.resolve("train.py");
        Files.writeString(script, TrainingScript.generate(robot, task, TrainingScript.Algorithm.PPO));
        return Python.run(Map.of("PYTHONPATH", Python.gymnasiumStub(folder).toString(), "PYTHONUNBUFFERED", "1"),
                script.toString(), "--url", url, "--token", token, "--smoke", "--smoke-episodes", "2",
                "--max-episode-steps", "40", "--seed", "3");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"cartpole, balance", "anymal, walk"})
    void theSmokeModeRunsEpisodesOfRandomActionsThroughTheRestContractAndClosesItsEnvironment(
            String robot, String task, @TempDir Path folder) throws Exception {
        try (FakeRlServer server = new FakeRlServer()) {
            Python.Outcome outcome = smoke(folder, robot, task, server.url(), FakeRlServer.TOKEN);

            assertThat(outcome.exitCode()).as(outcome.output()).isZero();
            assertThat(outcome.output().lines())
                    .filteredOn(line -> line.startsWith("episode "))
                    .hasSize(2)
                    .allMatch(line -> line.matches("episode \\d: \\d+ steps, return -?[0-9.]+, (terminated|truncated)"));
            assertThat(server.calls()).startsWith("GET /api/rl/robots", "POST /api/rl/create")
                    .anyMatch(call -> call.matches("POST /api/rl/rl-\\d+/reset"))
                    .anyMatch(call -> call.matches("POST /api/rl/rl-\\d+/step"))
                    .last().matches(call -> call.matches("DELETE /api/rl/rl-\\d+"));
            assertThat(server.environments().list()).isEmpty();
        }
    }

    @Test
    void aWrongTokenStopsTheScriptWithTheServersAnswer(@TempDir Path folder) throws Exception {
        try (FakeRlServer server = new FakeRlServer()) {
            Python.Outcome outcome = smoke(folder, "cartpole", "balance", server.url(), "wrong");

            assertThat(outcome.exitCode()).isNotZero();
            assertThat(outcome.output()).contains("Simcast refused GET /api/rl/robots: HTTP 401:");
        }
    }
}
