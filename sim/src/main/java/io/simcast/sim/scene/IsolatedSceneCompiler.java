package io.simcast.sim.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles scenes that come from outside (the REST API, browsers, language models) so that no document can take the
 * host down: the sandbox check runs here, then {@link CompileCheck} compiles the document, allocates its data and
 * runs a few steps in a separate, short-lived JVM (same class path, capped memory and processor time); only a document that
 * passed there is compiled again in this process, where MuJoCo behaves the same on the same text. A document that
 * makes MuJoCo crash, allocate without end or never finish kills or stalls that child only, and is refused with a
 * sentence that says so.
 *
 * <p>Any thread may call {@link #compile}; it blocks for the child (a second or so, see docs/SECURITY.md). At most
 * {@value #PARALLEL_CHECKS} children run at once; further callers wait for a turn.
 *
 * <p>"Never finishes" is measured in processor time ({@code ulimit -t}), not on the clock: a machine busy with other
 * work stretches a check's wall-clock time many times over (a humanoid took 60 s at a load average of 30 on two
 * cores, where it takes 2 s idle) without the document being any worse. The clock only stops a child that neither
 * finishes nor uses the processor (nine times the processor time, at least a minute).
 */
public final class IsolatedSceneCompiler {
    private static final Logger log = LoggerFactory.getLogger(IsolatedSceneCompiler.class);
    /**
     * Processor time of the child, all its threads together: a check (JVM start, compile, steps, GL context, one
     * frame) takes 2 to 5 s of it; MuJoCo compiles Menagerie models in under one.
     */
    public static final Duration DEFAULT_PROCESSOR_TIME = Duration.ofSeconds(20);
    /**
     * Wall-clock time, per processor second, for a child that hangs without using the processor (and for the wait for
     * a turn): nine times, at least a minute (three minutes for the default).
     */
    private static final int WALL_PER_PROCESSOR_SECOND = 9;
    private static final Duration MIN_WALL_LIMIT = Duration.ofMinutes(1);
    /** The child gets SIGXCPU at its processor limit, and SIGKILL this much later if it is still running. */
    private static final long HARD_LIMIT_GRACE_SECONDS = 5;
    private static final int SIGKILL = 9;
    private static final int SIGXCPU = 24;
    /**
     * Private writable memory of the child (ulimit -d): MuJoCo's compiler and data for any real model fit with room to
     * spare, while a document asking for billions of bodies or gigabytes of user data is stopped long before the host's
     * memory is at risk. The JVM's reserved-but-unused address space does not count against it.
     */
    public static final long DEFAULT_MEMORY_BYTES = 1L << 30;
    private static final int PARALLEL_CHECKS = 2;
    private static final int OUTPUT_TAIL_BYTES = 16 * 1024;
    private static final Path SHELL = Path.of("/bin/sh");

    private final SceneCompiler compiler;
    private final SceneSandbox sandbox;
    private final SceneLimits limits;
    private final Duration processorTime;
    private final Duration wallLimit;
    private final long memoryBytes;
    private final Semaphore turns = new Semaphore(PARALLEL_CHECKS, true);
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param processorTime the child's processor time, whole seconds
     * @param memoryBytes the child's private writable memory
     */
    public IsolatedSceneCompiler(SceneLimits limits, Duration processorTime, long memoryBytes) {
        this.compiler = new SceneCompiler(limits);
        this.sandbox = new SceneSandbox(limits);
        this.limits = limits;
        this.processorTime = processorTime;
        Duration scaled = processorTime.multipliedBy(WALL_PER_PROCESSOR_SECOND);
        this.wallLimit = scaled.compareTo(MIN_WALL_LIMIT) > 0 ? scaled : MIN_WALL_LIMIT;
        this.memoryBytes = memoryBytes;
    }

    public IsolatedSceneCompiler(SceneLimits limits) {
        this(limits, DEFAULT_PROCESSOR_TIME, DEFAULT_MEMORY_BYTES);
    }

    public IsolatedSceneCompiler() {
        this(SceneLimits.DEFAULT);
    }

    /**
     * Checks {@code source} in a child process, then compiles it here.
     *
     * @throws SceneLoadException with the sandbox rule, MuJoCo's message and line, or what happened to the child
     */
    public Scene compile(SceneSource source) throws SceneLoadException {
        check(source);
        return compiler.compile(source);
    }

    /** Runs the sandbox here and everything native in a child; returns normally when the document is safe. */
    public void check(SceneSource source) throws SceneLoadException {
        sandbox.check(source); // cheap and pure: refuse path escapes and oversized text without a child
        long start = System.nanoTime();
        try {
            if (!turns.tryAcquire(wallLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SceneLoadException(SceneMessages.checkBusy());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SceneLoadException(SceneMessages.checkInterrupted());
        }
        try {
            runChild(source);
        } finally {
            turns.release();
            log.debug("Compile check of {} took {} ms", source.id(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void runChild(SceneSource source) throws SceneLoadException {
        Path output = null;
        Process child = null;
        try {
            output = Files.createTempFile("simcast-compile-check", ".out");
            ProcessBuilder builder = new ProcessBuilder(command(source, output))
                    .directory(output.getParent().toFile()) // where a crashing JVM drops its replay files
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("MALLOC_ARENA_MAX", "1");
            child = builder.start();
            try (OutputStream stdin = child.getOutputStream()) {
                stdin.write(source.xml().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The child died before reading everything; its exit says why.
            }
            if (!child.waitFor(wallLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new SceneLoadException(SceneMessages.checkStalled(wallLimit.toSeconds()));
            }
            verdict(child.exitValue(), excerpt(output, true), excerpt(errorFile(output), false));
        } catch (IOException e) {
            throw new SceneLoadException(SceneMessages.checkUnavailable(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SceneLoadException(SceneMessages.checkInterrupted());
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
            deleteQuietly(output);
        }
    }

    /**
     * Reads the child's answer, or says how it died.
     *
     * @param output the end of what the child printed
     * @param errorReport the start of the JVM's crash report, if it wrote one
     */
    private void verdict(int exit, String output, String errorReport) throws SceneLoadException {
        int marker = output.lastIndexOf(CompileCheck.MARKER);
        if (exit == 0 && marker >= 0) {
            String line = output.substring(marker + CompileCheck.MARKER.length()).lines().findFirst().orElse("");
            JsonNode answer;
            try {
                answer = json.readTree(line);
            } catch (IOException e) {
                throw new SceneLoadException(SceneMessages.checkCrashed(exit));
            }
            if (answer.path("ok").asBoolean(false)) {
                return;
            }
            String message = answer.path("message").asText("");
            throw new SceneLoadException(outOfMemory(message) ? SceneMessages.checkOutOfMemory() : message);
        }
        if (exit == 128 + SIGXCPU || exit == 128 + SIGKILL) { // the processor limit, soft then hard
            throw new SceneLoadException(SceneMessages.checkTimedOut(processorTime.toSeconds()));
        }
        boolean outOfMemory = outOfMemory(output + errorReport);
        log.warn("The compile check of an outside scene died (exit {}{}); the host is unaffected. It said: {}",
                exit, outOfMemory ? ", out of memory" : "", firstComplaint(output));
        throw new SceneLoadException(outOfMemory ? SceneMessages.checkOutOfMemory() : SceneMessages.checkCrashed(exit));
    }

    /**
     * The child's first non-blank line that is not a bare {@code #}, shortened, for the log: how it went down (the
     * C++ runtime's or the JVM's first sentence), what to look at when a check dies unexpectedly.
     */
    private static String firstComplaint(String output) {
        String first = output.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.equals("#"))
                .findFirst().orElse("(nothing)");
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }

    /**
     * What MuJoCo, the C++ runtime, the JVM and the C library say when the memory cap stops them (glibc's loader
     * aborts with "cannot allocate memory for thread-local data", exit 127, when a new thread's TLS does not fit).
     */
    static boolean outOfMemory(String text) {
        return text.contains("bad_alloc") || text.contains("Could not allocate") || text.contains("insufficient memory")
                || text.contains("OutOfMemoryError") || text.contains("Out of Memory Error")
                || text.toLowerCase(Locale.ROOT).contains("cannot allocate memory");
    }

    /** The child: the same JVM and class path as this one, small, quick to start, capped by the shell. */
    private List<String> command(SceneSource source, Path output) {
        List<String> command = new ArrayList<>();
        boolean capped = Files.isExecutable(SHELL);
        if (capped) {
            // ulimit -d caps private writable memory (heap, malloc, mmap'd anonymous memory) since Linux 4.7;
            // ulimit -t processor time (soft: SIGXCPU, then hard: SIGKILL). No core files: a crash here is expected
            // and already reported.
            command.addAll(List.of(SHELL.toString(), "-c",
                    "ulimit -c 0; ulimit -d \"$0\" && ulimit -St \"$1\" && ulimit -Ht \"$2\" && shift 2 && exec \"$@\"",
                    Long.toString(memoryBytes / 1024), Long.toString(processorTime.toSeconds()),
                    Long.toString(processorTime.toSeconds() + HARD_LIMIT_GRACE_SECONDS)));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Xss1m",
                "-XX:-UsePerfData", "-Xshare:auto", "-XX:ErrorFile=" + errorFile(output),
                "-XX:ReplayDataFile=" + output + ".replay",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.awt.headless=true", "-DLOG_LEVEL=WARN",
                "-cp", System.getProperty("java.class.path"), CompileCheck.class.getName(),
                "--file-name", source.fileName(), "--limits", limitsJson()));
        if (source.folder() != null) {
            command.addAll(List.of("--folder", source.folder().toAbsolutePath().toString()));
        }
        return command;
    }

    private String limitsJson() {
        try {
            return json.writeValueAsString(limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a record of numbers always writes
        }
    }

    /** Where a crashing child JVM writes its report (whose first lines say whether memory ran out). */
    private static Path errorFile(Path output) {
        return Path.of(output + ".hs_err");
    }

    /** The last (or first) few kilobytes of {@code file}, or "" when there is none. */
    private static String excerpt(Path file, boolean end) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        long size = Files.size(file);
        try (var channel = Files.newByteChannel(file)) {
            channel.position(end ? Math.max(0, size - OUTPUT_TAIL_BYTES) : 0);
            var buffer = java.nio.ByteBuffer.allocate((int) Math.min(size, OUTPUT_TAIL_BYTES));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the tail whole
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(Path output) {
        if (output == null) {
            return;
        }
        for (Path file : List.of(output, errorFile(output), Path.of(output + ".replay"))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("Could not delete {}: {}", file, e.toString()); // a stray temporary file harms nobody
            }
        }
    }
}
