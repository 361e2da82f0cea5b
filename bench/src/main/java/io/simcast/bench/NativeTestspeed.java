package io.simcast.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MuJoCo's native {@code mujoco-testspeed} (Debian package libmujoco-samples), the reference {@link PhysicsBenchmark}
 * is set against. Besides the wall rate testspeed prints, it measures the CPU time of its stepping loop: the process's
 * CPU time (bash's {@code times}, from the kernel's accounting of the reaped child) minus that of a one-step run,
 * which loads the model and allocates its data just the same. On a shared machine, wall time says how fast it went and
 * CPU time how much work a step cost. Runs on the calling thread.
 */
public final class NativeTestspeed {
    private static final Path EXECUTABLE = Path.of("/usr/bin/mujoco-testspeed");
    private static final Pattern STEPS_PER_SECOND = Pattern.compile("Steps per second\\s*:\\s*([0-9.]+)");
    private static final Pattern CONTACTS = Pattern.compile("Contacts per step\\s*:\\s*([0-9.]+)");
    private static final Pattern CONSTRAINTS = Pattern.compile("Constraints per step\\s*:\\s*([0-9.]+)");
    /** The second line of {@code times}: user and system time of the shell's children. */
    private static final Pattern CHILDREN_TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");

    private final Path model;
    private final double controlNoise;
    private double setupCpuSeconds = Double.NaN;

    private NativeTestspeed(Path model, double controlNoise) {
        this.model = model;
        this.controlNoise = controlNoise;
    }

    /** The native benchmark for an MJCF file, or empty when testspeed is not installed. */
    public static Optional<NativeTestspeed> forModel(Path model, double controlNoise) {
        return Files.isExecutable(EXECUTABLE) ? Optional.of(new NativeTestspeed(model, controlNoise)) : Optional.empty();
    }

    /** Runs {@code steps} steps in one thread, as {@code mujoco-testspeed FILE steps 1 noise}. */
    public PhysicsBenchmark.Result run(int steps) throws IOException, InterruptedException {
        if (Double.isNaN(setupCpuSeconds)) {
            setupCpuSeconds = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) { // the least of a few: the clock counts milliseconds
                setupCpuSeconds = Math.min(setupCpuSeconds, launch(1).cpuSeconds());
            }
        }
        PhysicsBenchmark.Result whole = launch(steps);
        double loopCpuSeconds = Math.max(whole.cpuSeconds() - setupCpuSeconds, 1e-9);
        return new PhysicsBenchmark.Result(steps, whole.seconds(), loopCpuSeconds,
                whole.contactsPerStep(), whole.constraintsPerStep());
    }

    /** One process: its loop's wall time and counts (from its output) and the CPU time of the whole process. */
    private PhysicsBenchmark.Result launch(int steps) throws IOException, InterruptedException {
        // bash runs testspeed and then prints, with `times`, the CPU time of the children it waited for.
        Process process = new ProcessBuilder(List.of("bash", "-c", "\"$0\" \"$@\" && times", EXECUTABLE.toString(),
                model.toString(), Integer.toString(steps), "1", Double.toString(controlNoise)))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        Matcher rate = STEPS_PER_SECOND.matcher(output);
        Matcher contacts = CONTACTS.matcher(output);
        Matcher constraints = CONSTRAINTS.matcher(output);
        Matcher cpu = CHILDREN_TIMES.matcher(output.strip());
        if (exit != 0 || !rate.find() || !contacts.find() || !constraints.find() || !cpu.find()) {
            throw new IOException("mujoco-testspeed failed (exit " + exit + "): " + output.strip());
        }
        double cpuSeconds = 60 * Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2))
                + 60 * Double.parseDouble(cpu.group(3)) + Double.parseDouble(cpu.group(4));
        return new PhysicsBenchmark.Result(steps, steps / Double.parseDouble(rate.group(1)), cpuSeconds,
                Double.parseDouble(contacts.group(1)), Double.parseDouble(constraints.group(1)));
    }
}
