package io.simcast.sim.rl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's python3 (the test machines have it, with python3-numpy) for the training-script tests, here and in
 * the streaming module's (through sim's test-jar), with the stand-in {@code gymnasium} package of the test resources.
 */
public final class Python {
    /** Debian's interpreter when there is one, else whatever python3 is on PATH. */
    public static final String EXECUTABLE =
            Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    public record Outcome(int exitCode, String output) {}

    private Python() {}

    /**
     * Copies the stand-in {@code gymnasium} package (the parts the generated scripts use; the real one is not
     * installable here) into {@code folder}; returns the directory to put on PYTHONPATH.
     */
    public static Path gymnasiumStub(Path folder) throws IOException {
        Path gymnasium = Files.createDirectories(folder.resolve("stubs/gymnasium"));
        for (String file : new String[] {"__init__.py", "spaces.py"}) {
            try (InputStream in = Python.class.getResourceAsStream("stubs/gymnasium/" + file)) {
                Files.copy(in, gymnasium.resolve(file));
            }
        }
        return gymnasium.getParent();
    }

    /** Runs python3 with {@code arguments} and extra environment variables; output is stdout and stderr. */
    public static Outcome run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
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
