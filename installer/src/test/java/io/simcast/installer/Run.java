package io.simcast.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A finished command: what a person at a terminal would see. Output goes through files, so a chatty child never
 * blocks on a full pipe.
 */
record Run(List<String> command, int exitCode, String out, String err) {

    /** Runs {@code command} with exactly {@code environment} and waits at most {@code timeout}. */
    static Run of(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("simcast-run", ".out");
        Path err = Files.createTempFile("simcast-run", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs a system tool (apt-get, dpkg) as root with the test's own environment. */
    static Run system(Duration timeout, String... command) throws IOException, InterruptedException {
        return of(List.of(command), System.getenv(), timeout);
    }

    /** This run, after checking it succeeded; the message shows everything it printed. */
    Run succeeded() {
        if (exitCode != 0) {
            throw new AssertionError(this.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " exited with " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
