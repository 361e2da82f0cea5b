package io.simcast.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.testkit.McpStdioProcess;
import io.simcast.testkit.ServeProcess;
import io.simcast.streaming.WhepClient;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .deb as a user meets it: installed with apt (its Depends are already there, so no network is needed), run from
 * the menu's launcher with no JDK and no Maven on the machine, watched by a WHEP player, removed again. Runs as root
 * inside the network namespace of the streaming end-to-end tests (WebRTC needs an interface other than loopback), in
 * the integration-test phase after the package phase built the .deb. It installs into the system, so runs on one
 * machine take turns through a lock file.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackageIT {
    private static final String COMMAND = "/usr/bin/simcast";
    private static final Path INSTALL_DIR = Path.of("/opt/simcast");
    private static final Path MENU_ENTRY = Path.of("/usr/share/applications/simcast-Simcast.desktop");
    /** Where xdg-desktop-menu puts system menus and menu folders. */
    private static final List<Path> DESKTOP_MENU_FOLDERS = List.of(Path.of("/etc/xdg/menus"),
            Path.of("/usr/share/desktop-directories"));
    private static final Duration APT = Duration.ofMinutes(3);
    private static final Duration RUN = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Path> madeMenuFolders = new ArrayList<>();
    private FileChannel lockFile;
    private Path deb;
    private UserHome user;

    @BeforeAll
    void install() throws Exception {
        lockFile = FileChannel.open(Path.of("/run/lock/simcast-installer-test.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        lockFile.lock();
        try (Stream<Path> built = Files.list(Path.of(System.getProperty("simcast.dist")))) {
            deb = built.filter(p -> p.toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + System.getProperty("simcast.dist")));
        }
        user = new UserHome(Files.createTempDirectory("simcast-user"));
        // A desktop has these menu folders; without them the package installs without its menu entry (a server).
        for (Path folder : DESKTOP_MENU_FOLDERS) {
            if (Files.notExists(folder)) {
                madeMenuFolders.add(Files.createDirectories(folder));
            }
        }
        Run.system(APT, "apt-get", "install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=120",
                deb.toString()).succeeded();
    }

    @AfterAll
    void releaseTheMachine() throws IOException, InterruptedException {
        try {
            Run.system(APT, "dpkg", "--purge", "simcast"); // when a test failed before the one that removes it
        } finally {
            for (Path folder : madeMenuFolders) {
                Files.deleteIfExists(folder);
            }
            lockFile.close(); // releases the lock
        }
    }

    @Test
    @Order(1)
    void theDebDependsOnEverySystemLibraryThatSetupInstallsForRunning() throws Exception {
        String depends = Run.system(RUN, "dpkg-deb", "--field", deb.toString(), "Depends").succeeded().out();
        String runtime = Run.system(RUN, Path.of(System.getProperty("simcast.root"), "scripts/setup.sh").toString(),
                "--list-runtime").succeeded().out();

        Set<String> declared = new HashSet<>();
        for (String dependency : depends.split(",")) {
            declared.add(dependency.strip());
        }
        assertThat(declared).containsAll(runtime.lines().toList()).contains("libmujoco2.2.2", "libegl1");
    }

    @Test
    @Order(2)
    void installingPutsTheAppInOptTheCommandOnThePathAndAnEntryInTheMenu() {
        assertThat(INSTALL_DIR.resolve("bin/Simcast")).isExecutable();
        assertThat(INSTALL_DIR.resolve("lib/runtime/lib/server/libjvm.so")).as("its own Java runtime").exists();
        assertThat(Path.of(COMMAND)).isSymbolicLink();
        assertThat(MENU_ENTRY).content().contains("Name=Simcast", "Exec=/opt/simcast/bin/Simcast",
                "Icon=/opt/simcast/lib/Simcast.png");
    }

    @Test
    @Order(3)
    void theInstalledCheckFindsMujocoThePresetsAndEglWithNoJdkOnThePath() throws Exception {
        Run check = Run.of(List.of(COMMAND, "check"), user.environment(), RUN).succeeded();

        assertThat(check.out()).contains("Simcast 0.1.0", "Java 25", "MuJoCo 2.2.2", "Presets: 8 of 8 compile",
                "Rendering: EGL");
        // The launcher passes the JVM flags: no warning about native access or Unsafe.
        assertThat(check.err()).doesNotContain("restricted method", "sun.misc.Unsafe");
    }

    @Test
    @Order(4)
    void theFirstStartMadeTheUsersFolders() {
        var folders = user.folders();

        assertThat(folders.settings()).isDirectory().startsWith(user.home());
        assertThat(folders.scenes()).isDirectory();
        assertThat(folders.recovery()).isDirectory();
        assertThat(folders.logs().resolve("simcast.log")).isRegularFile();
    }

    @Test
    @Order(5)
    void theInstalledCopyRendersASnapshot() throws Exception {
        Path png = user.home().resolve("pendulum.png");

        Run.of(List.of(COMMAND, "snapshot", "--scene", "pendulum", "--time", "0.5", "--out", png.toString()),
                user.environment(), RUN).succeeded();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(distinctColours(image)).as("a rendered scene, not a blank picture").isGreaterThan(100);
    }

    @Test
    @Order(6)
    void theInstalledHostServesAWhepPlayerAndLogsToTheUsersLogFile() throws Exception {
        try (ServeProcess host = ServeProcess.start(List.of(COMMAND), user.environment(),
                List.of("--scene", "pendulum"));
             WhepClient player = new WhepClient()) {
            JsonNode health = JSON.readTree(get(host.address().resolve("/api/health")).body());
            assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("ok");

            // What a script of this user sends: the operator token serve made in the user's config folder.
            String token = java.nio.file.Files.readString(user.home().resolve(".config/simcast/operator-token")).strip();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(host.address().resolve("/whep"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/sdp")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(player.offer())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            player.answer(created.body());
            player.connected.get(60, TimeUnit.SECONDS);
            player.awaitFrames(30, 15_000);
            assertThat(player.frameSize.get()).isEqualTo("640x480");

            URI session = host.address().resolve(created.headers().firstValue("Location").orElseThrow());
            assertThat(http.send(HttpRequest.newBuilder(session).header("Authorization", "Bearer " + token).DELETE()
                    .build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(host.stop()).as("SIGTERM ends the JVM after its shutdown hook").isEqualTo(143);
        }
        assertThat(user.folders().logs().resolve("simcast.log")).content()
                .contains("Simcast serving http://127.0.0.1:").contains("Simcast stopped serving");
    }

    /**
     * {@code simcast mcp} as a desktop client launches the installed copy: it answers on stdout with MCP messages
     * only (the JVM's own warnings go to stderr: the launcher's java-options) and ends when its input closes. It runs
     * without an AOT cache (docs/MCP.md).
     */
    @Test
    @Order(7)
    void theInstalledCommandAnswersAnMcpClientOverStdio() throws Exception {
        Path log = Files.createTempFile(user.home(), "simcast-mcp", ".log");
        try (McpStdioProcess mcp = McpStdioProcess.start(List.of(COMMAND, "mcp", "--scene", "pendulum"),
                user.environment(), log)) {
            mcp.initialize();
            JsonNode info = mcp.callTool("host_info", Map.of());
            assertThat(info.path("transport").asText()).isEqualTo("stdio");
            assertThat(info.path("mujoco").asText()).isEqualTo("2.2.2");
            assertThat(info.path("shared").path("scene").asText()).isEqualTo("pendulum");
            assertThat(mcp.callTool("step", Map.of("count", 50)).path("time").asDouble()).isPositive();
        }
    }

    @Test
    @Order(8)
    void removingThePackageTakesTheAppAndLeavesTheUsersScenes() throws Exception {
        Path myScene = Files.writeString(user.folders().scenes().resolve("my-arm.xml"),
                "<mujoco><worldbody><geom size=\"1\"/></worldbody></mujoco>");

        Run.system(APT, "dpkg", "--purge", "simcast").succeeded();

        assertThat(INSTALL_DIR).doesNotExist();
        assertThat(Path.of(COMMAND)).doesNotExist();
        assertThat(MENU_ENTRY).doesNotExist();
        assertThat(myScene).hasContent("<mujoco><worldbody><geom size=\"1\"/></worldbody></mujoco>");
        assertThat(user.folders().logs().resolve("simcast.log")).exists();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long distinctColours(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return Arrays.stream(pixels).distinct().count();
    }
}
