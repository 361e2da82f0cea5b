package io.simcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.streaming.host.Rendering;
import io.simcast.streaming.host.StreamingHost;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --public} as a person starts it: the options parsed by picocli, the host started on them, the lines it
 * prints. The links open the page from this machine's network address; without a token even this machine is refused;
 * the operator token is made in the named file, readable by its owner only, and never printed.
 */
class ServePublicTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path folder;
    private Simulation simulation;
    private StreamingHost host;

    @BeforeEach
    void startSimulation() throws Exception {
        PresetCatalog catalog = PresetCatalog.builtIn();
        simulation = Simulation.start(new SceneCompiler().compile(
                catalog.source(catalog.find("pendulum").orElseThrow())));
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        simulation.close();
    }

    private List<String> serve(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        HostOptions.Resolved resolved = serve.hostOptions.config(env);
        host = StreamingHost.start(resolved.config(), simulation, Rendering.unavailable("no renderer in this test"),
                () -> {
                    throw new AssertionError("no language model here");
                });
        StringWriter out = new StringWriter();
        ServeCommand.announce(host, resolved, new PrintWriter(out));
        return out.toString().lines().toList();
    }

    private int status(String method, URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{\"cmd\": \"pause\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void publicPrintsAViewerAndAControllerLinkAndMakesTheOperatorTokenFileForItsOwnerOnly() throws Exception {
        Path tokenFile = folder.resolve("operator-token");

        List<String> lines = serve(Map.of(), "--public", "--port", "0", "--operator-token-file", tokenFile.toString());

        String operatorToken = Files.readString(tokenFile).strip();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("operator token: generated and stored in " + tokenFile
                + " (readable by you only)");
        assertThat(lines.get(1)).matches("operator page \\(opens once, in your browser\\): http://[0-9.]+:\\d+/"
                + "\\?token=[A-Za-z0-9_-]{32}");
        lines = lines.subList(1, 4);
        assertThat(lines.get(1)).matches("viewer link: http://[0-9.]+:\\d+/\\?token=[A-Za-z0-9_-]{32}");
        assertThat(lines.get(2)).matches("controller link: http://[0-9.]+:\\d+/\\?token=[A-Za-z0-9_-]{32}");
        assertThat(String.join("\n", lines)).doesNotContain(operatorToken);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        assertThat(operatorToken).hasSize(32);

        URI viewerLink = URI.create(lines.get(1).substring("viewer link: ".length()));
        String viewerToken = viewerLink.getQuery().substring("token=".length());
        String controllerToken = lines.get(2).substring(lines.get(2).indexOf("token=") + "token=".length());
        URI command = host.address().resolve("/api/sim/command");
        assertThat(viewerLink.getHost()).as("a network address, not loopback").isNotEqualTo("127.0.0.1");
        assertThat(status("GET", viewerLink, null)).as("the page from the viewer link").isEqualTo(200);
        assertThat(status("GET", host.address().resolve("/"), null)).as("the page, the same for everybody")
                .isEqualTo(200);
        assertThat(status("GET", host.address().resolve("/api/health"), null)).as("health for probes").isEqualTo(200);
        assertThat(status("POST", command, null)).as("this machine without a token").isEqualTo(401);
        assertThat(status("POST", command, viewerToken)).isEqualTo(403);
        assertThat(status("POST", command, controllerToken)).isEqualTo(200);
        assertThat(status("GET", host.address().resolve("/api/stats"), controllerToken)).isEqualTo(403);
        assertThat(status("GET", host.address().resolve("/api/stats"), operatorToken)).isEqualTo(200);
    }

    @Test
    void theOperatorTokenFromTheEnvironmentWinsAndAnExistingFileIsReadNotReplaced() throws Exception {
        Path tokenFile = Files.writeString(folder.resolve("token"), "kept-token-kept-token-kept-token\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        String fromEnvironment = "environment-token-0123456789abcdef";

        List<String> fromFile = serve(Map.of(), "--public", "--port", "0", "--operator-token-file",
                tokenFile.toString());
        int withFileToken = status("GET", host.address().resolve("/api/stats"), "kept-token-kept-token-kept-token");
        host.close();
        List<String> fromVariable = serve(Map.of("SIMCAST_OPERATOR_TOKEN", fromEnvironment), "--public", "--port",
                "0");

        assertThat(fromFile.getFirst()).isEqualTo("operator token: from " + tokenFile);
        assertThat(withFileToken).isEqualTo(200);
        assertThat(Files.readString(tokenFile)).isEqualTo("kept-token-kept-token-kept-token\n");
        assertThat(fromVariable.getFirst()).isEqualTo("operator token: from SIMCAST_OPERATOR_TOKEN");
        assertThat(status("GET", host.address().resolve("/api/stats"), fromEnvironment)).isEqualTo(200);
    }

    @Test
    void aLocalHostPrintsTheOperatorPageAndThisMachineNeedsTheTokenToo() throws Exception {
        Path tokenFile = folder.resolve("local-operator-token");

        List<String> lines = serve(Map.of(), "--port", "0", "--operator-token-file", tokenFile.toString());

        String operatorToken = Files.readString(tokenFile).strip();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo("Sharing is local-only: only this computer can open these links. To share"
                + " with other people on the network, start with --public (the host then listens on this machine's"
                + " address, tokens required).");
        assertThat(host.address().getHost()).isEqualTo("127.0.0.1");
        String page = lines.get(1);
        assertThat(page).matches("operator page \\(opens once, in your browser\\): http://127\\.0\\.0\\.1:"
                + host.address().getPort() + "/\\?token=[A-Za-z0-9_-]{32}");
        String once = page.substring(page.indexOf("token=") + "token=".length());
        assertThat(status("GET", host.address().resolve("/api/stats"), null)).isEqualTo(401);
        assertThat(status("GET", host.address().resolve("/api/stats"), operatorToken)).isEqualTo(200);
        assertThat(status("POST", host.address().resolve("/api/session"), once)).as("the page opens it")
                .isEqualTo(201);
        assertThat(status("POST", host.address().resolve("/api/session"), once)).as("once").isEqualTo(401);
    }
}
