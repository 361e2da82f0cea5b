package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainingScriptTest {
    static Stream<Arguments> everyTaskAndAlgorithm() {
        return EnvTest.everyTask().flatMap(task -> Stream.of(TrainingScript.Algorithm.values())
                .map(algorithm -> Arguments.of(task.robot(), task.id(), algorithm)));
    }

    @ParameterizedTest(name = "{0}/{1} {2}")
    @MethodSource("everyTaskAndAlgorithm")
    void theGeneratedScriptByteCompilesWithPython3(String robot, String task, TrainingScript.Algorithm algorithm,
                                                   @TempDir Path folder) throws Exception {
        Path script = folder.resolve("train.py");
        Files.writeString(script, TrainingScript.generate(robot, task, algorithm));

        Python.Outcome compiled = Python.run(folder, Map.of(), "-m", "py_compile", script.toString());
        assertThat(compiled.exitCode()).as(compiled.output()).isZero();
    }

    @Test
    void theHeaderNamesThePackagesTheTaskTheRecipesSourceAndTheModes() {
        String script = TrainingScript.generate("anymal", "walk", TrainingScript.Algorithm.PPO);
        String header = script.substring(0, script.indexOf("\"\"\"", script.indexOf("\"\"\"") + 3));

        assertThat(header).startsWith("#!/usr/bin/env python3\n\"\"\"Train PPO on Simcast's anymal / walk task")
                .contains("pip install ./python", "pip install \"gymnasium>=1.0\" \"stable-baselines3>=2.3\" tensorboard")
                .contains("Task \"Walk on command\":\nFollow a velocity command")
                .contains("Observation: 48 numbers. Action: 12 numbers in [-1, 1].")
                .contains("Hyperparameters and budget:\nlegged_gym (leggedrobotics/legged_gym, ANYmal C flat")
                .contains("--smoke", "--resume", "--play", "tensorboard --logdir runs/anymal_walk_ppo/tensorboard");
        assertThat(header.lines()).allMatch(line -> line.length() <= 120);
        assertThat(script).contains("ROBOT = \"anymal\"", "TASK = \"walk\"", "ALGO = \"ppo\"")
                .contains("simcast.SimcastVecEnv(", "VecNormalize(", "VecMonitor(", "CheckpointCallback(",
                        "EvalCallback(", "save_vecnormalize=True", "config.json", "tensorboard_log=")
                .doesNotContain("@@");
    }

    @ParameterizedTest(name = "{0}/{1} {2}")
    @MethodSource("everyTaskAndAlgorithm")
    void everyTaskHasARecipeThatSaysWhereItComesFrom(String robot, String task, TrainingScript.Algorithm algorithm) {
        TrainingRecipe recipe = TrainingRecipe.of(robot, task, algorithm);
        assertThat(recipe.source()).containsAnyOf("RL Zoo", "legged_gym");
        assertThat(recipe.numEnvs()).isBetween(1, 256);
        assertThat(recipe.timesteps()).isPositive();
    }

    @Test
    void printConfigShowsTheRecipeWithTheCommandLinesChangesWithoutStableBaselines(@TempDir Path folder)
            throws Exception {
        Path script = Files.writeString(folder.resolve("train.py"),
                TrainingScript.generate("cartpole", "balance", TrainingScript.Algorithm.PPO));

        Python.Outcome outcome = Python.run(folder, Map.of("PYTHONPATH", Python.path(false)), script.toString(),
                "--print-config", "--n-envs", "32", "--url", "http://127.0.0.1:9");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        JsonNode config = new ObjectMapper().readTree(outcome.output());
        assertThat(config.path("num_envs").asInt()).isEqualTo(32);
        assertThat(config.path("timesteps").asLong()).isEqualTo(100_000);
        assertThat(config.path("hyperparameters").path("learning_rate").asText()).isEqualTo("lin_0.001");
        assertThat(config.path("source").asText()).startsWith("RL Zoo (DLR-RM/rl-baselines3-zoo, hyperparams/ppo.yml)"
                + " CartPole-v1");
    }

    @Test
    void anUnknownTaskIsRefusedLikeEverywhereElse() {
        assertThatThrownBy(() -> TrainingScript.generate("anymal", "fly", TrainingScript.Algorithm.PPO))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("Robot 'anymal' has no task 'fly'. Its tasks: walk");
    }

    @Test
    void algorithmsAreNamedInLowerCase() {
        assertThat(TrainingScript.Algorithm.of("sac")).isEqualTo(TrainingScript.Algorithm.SAC);
        assertThatThrownBy(() -> TrainingScript.Algorithm.of("PPO")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown algorithm 'PPO'. Algorithms: ppo, sac");
    }

    @Test
    void wrappingKeepsEveryWordAndShortLines() {
        String paragraph = "one two three ".repeat(40).strip();
        String wrapped = TrainingScript.wrap(paragraph);
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(paragraph);
        assertThat(wrapped.lines()).allMatch(line -> line.length() <= 110).hasSizeGreaterThan(3);
    }
}
