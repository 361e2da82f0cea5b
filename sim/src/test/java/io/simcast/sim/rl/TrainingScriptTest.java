package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Map;
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
    void theHeaderNamesThePackagesTheTaskAndEveryEndpoint() {
        String script = TrainingScript.generate("anymal", "walk", TrainingScript.Algorithm.SAC);
        String header = script.substring(0, script.indexOf("\"\"\"", script.indexOf("\"\"\"") + 3));

        assertThat(header).startsWith("#!/usr/bin/env python3\n\"\"\"Train SAC on Simcast's anymal / walk task")
                .contains("pip install \"gymnasium>=1.0\" \"stable-baselines3>=2.3\" numpy")
                .contains("Task \"Walk forward\":\nWalk forward (along the base's x axis)")
                .contains("Observation: 47 numbers. Action: 12 numbers in [-1, 1].")
                .contains("GET    /api/rl/robots", "POST   /api/rl/create", "POST   /api/rl/{id}/reset",
                        "POST   /api/rl/{id}/step", "DELETE /api/rl/{id}", "Authorization: Bearer TOKEN");
        assertThat(header.lines()).allMatch(line -> line.length() <= 120);
        assertThat(script).contains("ROBOT = \"anymal\"", "TASK = \"walk\"", "ALGO = \"sac\"")
                .contains("\"/api/rl/robots\"", "\"/api/rl/create\"", "f\"/api/rl/{env_id}/reset\"",
                        "f\"/api/rl/{env_id}/step\"", "request(\"DELETE\", f\"/api/rl/{env_id}\")")
                .contains("\"num_envs\": num_envs, \"max_episode_steps\": max_episode_steps")
                .contains("CheckpointCallback(", "EvalCallback(", "model.save(final)", "--smoke")
                .doesNotContain("@@");
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
