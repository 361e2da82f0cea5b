package io.simcast.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What replacing the scene costs in resident memory and whether it stays: {@code simcast serve} with one viewer
 * watching (so the renderer makes GL resources for every scene), the scene replaced by the next preset back to back.
 * The host is read after a warm-up (every preset twice) and again after the replacements, three ways: as it is;
 * after glibc's {@code malloc_trim} ({@code jcmd System.trim_native_heap}), which leaves only memory in use; and
 * after a full collection and another trim, which also frees native memory whose Java owners were unreachable
 * (what would otherwise wait for the collector). Benchmark thread only.
 */
final class ReplacementChurn {
    static final int WARM_UP = 2 * Soak.SCENES.size();
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Duration REPLACE_DEADLINE = Duration.ofSeconds(30);

    /** Resident size of the host in MiB: as it is, after a trim, after a full collection and a trim. */
    record Reading(double residentMiB, double trimmedMiB, double collectedMiB) {}

    /** What {@code replacements} replacements after the warm-up left. */
    record Result(int replacements, int tookEffect, Reading warmedUp, Reading after) {
        /** Memory in use that each replacement added, in MiB (trimmed against trimmed). */
        double keptPerReplacementMiB() {
            return (after.trimmedMiB() - warmedUp.trimmedMiB()) / replacements;
        }
    }

    private final StreamingBench bench;
    private int done;

    ReplacementChurn(StreamingBench bench) {
        this.bench = bench;
    }

    Result run(int replacements) throws IOException, InterruptedException {
        bench.openViewer();
        replace(WARM_UP);
        Reading warmedUp = read();
        int tookEffect = replace(replacements);
        return new Result(replacements, tookEffect, warmedUp, read());
    }

    /** Replaces the scene {@code count} times; returns how many became the current scene. */
    private int replace(int count) throws IOException, InterruptedException {
        int seen = 0;
        for (int i = 0; i < count; i++) {
            if (bench.replaceScene(Soak.SCENES.get(done++ % Soak.SCENES.size()), REPLACE_DEADLINE)) {
                seen++;
            }
        }
        return seen;
    }

    private Reading read() throws IOException, InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        double resident = bench.serve().residentMiB();
        jcmd("System.trim_native_heap");
        double trimmed = bench.serve().residentMiB();
        jcmd("GC.run");
        jcmd("System.trim_native_heap");
        return new Reading(resident, trimmed, bench.serve().residentMiB());
    }

    /** Runs a diagnostic command in the host's JVM (same user, same JDK). */
    private void jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(bench.serve().pid()), command))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + command + " failed on simcast serve (pid " + bench.serve().pid() + ")");
        }
    }
}
