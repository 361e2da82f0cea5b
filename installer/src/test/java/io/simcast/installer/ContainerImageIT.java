package io.simcast.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.streaming.Eventually;
import io.simcast.streaming.WhepClient;
import io.simcast.testkit.ServeProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/Dockerfile and deploy/compose.yaml for real, with podman: the image is built from the Dockerfile
 * (scripts/container-image.sh: a Debian 12 base made with debootstrap, as no registry is reachable here, and the app
 * image the package phase built), run with {@code --network host}, its {@code check} run inside it and its host
 * watched by a WHEP player; then compose's services (the host and nginx) start with podman-compose and the page, the
 * API and WHEP are reached through nginx's TLS. Runs as root inside the network namespace of the end-to-end tests
 * (WebRTC needs an interface other than loopback; the containers share that namespace), in the integration-test phase
 * after the package phase. Skipped, saying so, where podman is not installed.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {
    private static final Path ROOT = Path.of(System.getProperty("simcast.root", ".."));
    /** The first build runs debootstrap (minutes on two busy cores); later ones reuse its cached root. */
    private static final Duration BUILD = Duration.ofMinutes(20);
    private static final Duration RUN = Duration.ofMinutes(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name = "simcast-it-" + ProcessHandle.current().pid();
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private String image;
    private String nginxImage;

    @TempDir
    Path folder;

    @BeforeAll
    void buildTheImageFromTheDockerfile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/podman")) && Files.isExecutable(Path.of("/usr/bin/podman-compose")),
                "podman and podman-compose are not installed (scripts/setup.sh --test installs them):"
                        + " deploy/Dockerfile and deploy/compose.yaml are not built or run");
        environment.put("CONTAINERS_CONF", ROOT.resolve("scripts/podman/containers.conf").toString());
        Run built = Run.of(List.of(ROOT.resolve("scripts/container-image.sh").toString(), "localhost/" + name
                + ":test"), environment, BUILD).succeeded();
        image = value(built.out(), "IMAGE");
        nginxImage = value(built.out(), "NGINX_IMAGE");
    }

    @AfterAll
    void removeTheImage() throws Exception {
        if (image != null) {
            Run.of(List.of("podman", "rmi", "-f", image), environment, RUN);
        }
    }

    @Test
    @Order(1)
    void theImageChecksItselfAndServesAWhepPlayer() throws Exception {
        // The operator token a deployment gives the container (podman passes the variable's value from its own
        // environment): every request needs a token, the player's too.
        Map<String, String> withToken = new HashMap<>(environment);
        withToken.put("SIMCAST_OPERATOR_TOKEN", newToken());
        List<String> run = List.of("podman", "run", "--rm", "--name", name, "--network", "host", "--ulimit", "host",
                "--env", "SIMCAST_OPERATOR_TOKEN", image);
        try (ServeProcess host = ServeProcess.start(run, withToken, List.of("--scene", "pendulum"));
             WhepClient player = new WhepClient()) {
            Run check = Run.of(List.of("podman", "exec", name, "/opt/simcast/bin/Simcast", "check"), environment,
                    RUN).succeeded();
            assertThat(check.out()).contains("Java 25", "MuJoCo 2.2.2", "Presets: 8 of 8 compile",
                    "Rendering: EGL");

            watch(player, http(), host.address(), host.operatorToken());
        } finally {
            Run.of(List.of("podman", "rm", "-f", "--ignore", name), environment, RUN);
        }
    }

    @Test
    @Order(2)
    void composeStartsTheHostBehindNginxAndThePageIsReachedThroughItsTls() throws Exception {
        Path tls = Files.createDirectories(folder.resolve("tls"));
        Run.of(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
                tls.resolve("privkey.pem").toString(), "-out", tls.resolve("fullchain.pem").toString()),
                environment, RUN).succeeded();
        String token = newToken();
        Map<String, String> compose = new HashMap<>(environment);
        compose.putAll(Map.of("SIMCAST_IMAGE", image, "NGINX_IMAGE", nginxImage, "TLS_DIR", tls.toString(),
                "SIMCAST_OPERATOR_TOKEN", token, "SIMCAST_DOMAIN", "127.0.0.1", "SCENE", "pendulum"));
        // Debian 12's podman-compose 1.0.3 needs the shim for network_mode: host (see the script) and ignores
        // profiles: name the services.
        List<String> project = List.of("podman-compose", "--podman-path",
                ROOT.resolve("scripts/podman/compose-podman").toString(), "-p", name, "-f",
                ROOT.resolve("deploy/compose.yaml").toString());
        try {
            Run.of(concat(project, "up", "-d", "simcast", "nginx"), compose, RUN).succeeded();
            HttpClient https = http(trusting(tls.resolve("fullchain.pem")));
            URI site = URI.create("https://127.0.0.1/");
            Eventually.waitFor(() -> get(https, site.resolve("/api/health")).statusCode() == 200, 120_000);

            HttpResponse<String> link = https.send(HttpRequest.newBuilder(site.resolve("/api/links"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"role\": \"viewer\", \"expiresInMinutes\": 10}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
            URI shared = URI.create(JSON.readTree(link.body()).path("url").asText());
            assertThat(shared.toString()).as("links carry PUBLIC_URL").startsWith("https://127.0.0.1/");
            HttpResponse<String> page = get(https, shared);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Simcast");
            HttpResponse<String> plain = get(http(), URI.create("http://127.0.0.1/api/health"));
            assertThat(plain.statusCode()).as("plain HTTP is sent to TLS").isEqualTo(301);
            assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1/api/health");
            try (WhepClient player = new WhepClient()) {
                watch(player, https, site, token);
            }
        } finally {
            Run.of(concat(project, "down"), compose, RUN);
        }
    }

    private static String newToken() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** A WHEP player's session with the operator's token: offered, answered, 640x480 frames arriving, then ended. */
    private static void watch(WhepClient player, HttpClient http, URI host, String token) throws Exception {
        HttpRequest offer = HttpRequest.newBuilder(host.resolve("/whep")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/sdp").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(player.offer())).build();
        HttpResponse<String> created = http.send(offer, HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        player.answer(created.body());
        player.connected.get(20, TimeUnit.SECONDS);
        player.awaitFrames(30, 30_000);
        assertThat(player.frameSize.get()).isEqualTo("640x480");

        HttpRequest delete = HttpRequest.newBuilder(host.resolve(created.headers().firstValue("Location")
                .orElseThrow())).header("Authorization", "Bearer " + token).DELETE().build();
        assertThat(http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpClient http(SSLContext tls) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build();
    }

    /** TLS that trusts the test's own certificate only (no trust-all: the name is checked too). */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String value(String output, String key) {
        return output.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + "= in:\n" + output));
    }

    private static List<String> concat(List<String> command, String... more) {
        return java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(more)).toList();
    }
}
