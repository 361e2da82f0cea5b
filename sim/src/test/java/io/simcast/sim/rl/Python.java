package io.simcast.sim.rl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs Debian's python3 (the test machines have it, with python3-numpy) for the training-script tests. */
final class Python {
    /** Debian's interpreter when there is one, else whatever python3 is on PATH. */
    static final String EXECUTABLE = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    record Outcome(int exitCode, String output) {}

    private Python() {}

    /** Runs python3 with {@code arguments} and extra environment variables; output is stdout and stderr. */
    static Outcome run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python3 did not finish in 2 minutes: " + output);
        }
        return new Outcome(process.exitValue(), output);
    }
}
