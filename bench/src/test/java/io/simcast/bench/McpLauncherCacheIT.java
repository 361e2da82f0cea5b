package io.simcast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.simcast.testkit.McpStdioProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./simcast} launcher's {@code mcp} branch and its ahead-of-time cache (docs/MCP.md), in a cache
 * folder of its own ({@code XDG_CACHE_HOME}): the first start answers and trains a cache beside itself
 * ({@code scripts/mcp-aot.sh}), the next start is given it and answers, {@code SIMCAST_NO_AOT=1} neither uses nor
 * trains one, and a damaged cache costs nothing but its speed. Every session's stdout is checked line by line
 * ({@link McpStdioProcess}). An integration test: the launcher runs the packaged jars, which exist after the package
 * phase.
 */
class McpLauncherCacheIT {
    private static final Path ROOT = Path.of(System.getProperty("simcast.root", "..")).toAbsolutePath().normalize();
    /** A failure guard only: the training is one more start and session, at the lowest priority, on a busy box. */
    private static final Duration TRAINING = Duration.ofMinutes(12);

    @TempDir
    private Path cacheHome;
    @TempDir
    private Path logs;
    private final List<ProcessHandle> trainings = new ArrayList<>();

    /** The launcher builds first when a source is newer than the build: that must not happen under a test run. */
    @BeforeEach
    void theBuildIsUpToDate() throws Exception {
        Process check = new ProcessBuilder(ROOT.resolve("scripts/build.sh").toString(), "--check")
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(check.exitValue()).as("sources changed after this build (the launcher would build again): %s",
                new String(check.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void theFirstStartTrainsACacheTheNextStartsUseAndADamagedOneIsIgnored() throws Exception {
        Path caches = Files.createDirectories(cacheHome.resolve("simcast"));
        Path olderBuilds = Files.writeString(caches.resolve("mcp-0123456789abcdef.aot"), "an older build's cache");

        try (McpStdioProcess first = start(Map.of())) {
            answers(first);
            assertThat(aotCache(first)).as("an older build's cache is not this build's").isEmpty();
            first.children().stream().filter(McpLauncherCacheIT::isTraining).forEach(trainings::add);
            assertThat(trainings).as("the first start trains a cache beside it").hasSize(1);
        }
        await("the cache trained in the background").atMost(TRAINING).pollInterval(Duration.ofSeconds(2))
                .until(() -> trainings.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(olderBuilds).as("an older build's cache is removed once this build's is made").doesNotExist();
        List<Path> trained = files(caches);
        assertThat(trained).as("the trained cache, and nothing left of the training").hasSize(1)
                .allMatch(path -> path.getFileName().toString().matches("mcp-[0-9a-f]{16}\\.aot"));
        Path cache = trained.getFirst();

        try (McpStdioProcess second = start(Map.of())) {
            answers(second);
            assertThat(aotCache(second)).contains(cache);
            assertThat(second.children()).noneMatch(McpLauncherCacheIT::isTraining);
        }

        try (McpStdioProcess off = start(Map.of("SIMCAST_NO_AOT", "1"))) {
            answers(off);
            assertThat(aotCache(off)).as("SIMCAST_NO_AOT=1 leaves the cache unused").isEmpty();
            assertThat(off.children()).as("and trains none").noneMatch(McpLauncherCacheIT::isTraining);
        }
        assertThat(files(caches)).containsExactly(cache);

        // A cache the JVM cannot map (cut short, overwritten): it says so on stderr and starts without it.
        Files.write(cache, "not an AOT cache".repeat(1000).getBytes());
        try (McpStdioProcess damaged = start(Map.of())) {
            answers(damaged);
            assertThat(aotCache(damaged)).contains(cache);
        }
    }

    private McpStdioProcess start(Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.put("XDG_CACHE_HOME", cacheHome.toString());
        return McpStdioProcess.start(List.of(ROOT.resolve("simcast").toString(), "mcp", "--scene", "pendulum"), all,
                Files.createTempFile(logs, "simcast-mcp", ".log"));
    }

    private static void answers(McpStdioProcess mcp) throws InterruptedException {
        mcp.initialize();
        assertThat(mcp.callTool("host_info", Map.of()).path("transport").asText()).isEqualTo("stdio");
    }

    /** The cache the launcher gave the JVM ({@code -XX:AOTCache=FILE} on its command line), if any. */
    private static Optional<Path> aotCache(McpStdioProcess mcp) {
        return mcp.commandLine().stream().filter(arg -> arg.startsWith("-XX:AOTCache="))
                .map(arg -> Path.of(arg.substring("-XX:AOTCache=".length()))).findFirst();
    }

    /** Whether {@code child} of the launched JVM (the launcher forked it before it exec'd the JVM) is the training. */
    private static boolean isTraining(ProcessHandle child) {
        return McpStdioProcess.commandLine(child).stream().anyMatch(arg -> arg.endsWith("scripts/mcp-aot.sh"));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /** A training still running when a test failed would write into the deleted folder: it and its JVM end here. */
    @AfterEach
    void endTrainings() {
        for (ProcessHandle training : trainings) {
            training.descendants().forEach(ProcessHandle::destroy);
            training.destroy();
            training.onExit().join();
        }
    }
}
