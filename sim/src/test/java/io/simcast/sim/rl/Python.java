package io.simcast.sim.rl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's python3 (the test machines have it, with python3-numpy) for the Python tests, here and in the
 * streaming module's (through sim's test-jar): the package in the repository's {@code python/} folder, and the
 * stand-ins for Gymnasium and Stable-Baselines3 in {@code python/tests/stubs} (PyPI is out of reach here).
 */
public final class Python {
    /** Debian's interpreter when there is one, else whatever python3 is on PATH. */
    public static final String EXECUTABLE =
            Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    private static final long TIMEOUT_SECONDS = 300;

    public record Outcome(int exitCode, String output) {}

    private Python() {}

    /** The repository's {@code python/} folder: the package, its tests and the stand-ins. */
    public static Path packageFolder() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("python/pyproject.toml"))) {
                return folder.resolve("python");
            }
        }
        throw new IllegalStateException("no python/pyproject.toml above " + Path.of("").toAbsolutePath());
    }

    /** PYTHONPATH with the package and, when {@code withStandIns}, the Gymnasium and SB3 stand-ins. */
    public static String path(boolean withStandIns) {
        Path folder = packageFolder();
        return withStandIns ? folder + ":" + folder.resolve("tests/stubs") : folder.toString();
    }

    /** Runs python3 with {@code arguments} in {@code folder} and extra environment variables; stdout and stderr. */
    public static Outcome run(Path folder, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("simcast-python", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            builder.environment().put("PYTHONUNBUFFERED", "1");
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS); // a guard, not a measure
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                throw new AssertionError("python3 did not finish in " + TIMEOUT_SECONDS + " s: " + output);
            }
            return new Outcome(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
