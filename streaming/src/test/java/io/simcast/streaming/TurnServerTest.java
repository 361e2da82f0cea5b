package io.simcast.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped coturn configuration (deploy/coturn/turnserver.conf) run by Debian's coturn on 127.0.0.1 with a
 * secret, asked by coturn's own client (turnutils_uclient): a credential {@link TurnSecret} minted gets a relay, an
 * expired one or one made with another secret does not, and the relay refuses peers on private, loopback and CGNAT
 * addresses. Nothing leaves 127.0.0.1: a refused peer is refused before anything is sent to it.
 */
class TurnServerTest {
    private static final String SECRET = "a-secret-only-the-test-knows-0123";
    private static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    private static final Path CLIENT = Path.of("/usr/bin/turnutils_uclient");
    private static final String RELAYED = "Received relay addr";
    private static final String FORBIDDEN_PEER = "403 (Forbidden IP)";

    @TempDir
    static Path folder;
    private static Process server;
    private static int port;

    @BeforeAll
    static void startCoturnWithTheShippedConfiguration() throws Exception {
        assumeTrue(Files.isExecutable(TURNSERVER) && Files.isExecutable(CLIENT),
                "coturn is not installed (scripts/setup.sh --test installs it): the shipped TURN configuration is"
                        + " not run");
        try (DatagramSocket free = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = folder.resolve("turn.log");
        String shipped = Files.readString(Path.of("").toAbsolutePath().getParent()
                .resolve("deploy/coturn/turnserver.conf"));
        // What the deployments append when coturn starts (the secret), and this test's own addresses and files.
        Path conf = folder.resolve("turnserver.conf");
        Files.writeString(conf, shipped.replaceAll("(?m)^(listening-port|log-file)=.*$", "") + String.join("\n",
                "static-auth-secret=" + SECRET, "listening-port=" + port, "listening-ip=127.0.0.1",
                "relay-ip=127.0.0.1", "log-file=" + log, "pidfile=" + folder.resolve("turn.pid"),
                "userdb=" + folder.resolve("turndb"), ""));
        server = new ProcessBuilder(TURNSERVER.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("turn.out").toFile()).start();
        Eventually.waitFor(() -> Files.exists(log) && Files.readString(log).contains("Total General servers")
                || !server.isAlive(), 30_000);
        assertThat(server.isAlive()).as("coturn started: %s", Files.readString(folder.resolve("turn.out"))).isTrue();
    }

    @AfterAll
    static void stopCoturn() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMintedCredentialGetsARelayThatRefusesPrivatePeers() throws Exception {
        TurnSecret.Credential credential = TurnSecret.of(SECRET).mint("viewer-1", Instant.now());

        String tenNet = allocate(credential, "10.1.2.3");

        assertThat(tenNet).contains(RELAYED).contains(FORBIDDEN_PEER);
        for (String peer : List.of("192.168.1.1", "172.16.0.1", "127.0.0.1", "100.64.0.1", "169.254.169.254")) {
            assertThat(allocate(credential, peer)).as(peer).contains(RELAYED).contains(FORBIDDEN_PEER);
        }
    }

    @Test
    void anExpiredCredentialOrOneFromAnotherSecretGetsNoRelay() throws Exception {
        TurnSecret.Credential expired = new TurnSecret(SECRET, Duration.ofMinutes(1))
                .mint("viewer-1", Instant.now().minus(Duration.ofMinutes(2)));
        TurnSecret.Credential forged = TurnSecret.of("another-secret-0123456789").mint("viewer-1", Instant.now());

        assertThat(allocate(expired, "10.1.2.3")).doesNotContain(RELAYED).contains("Cannot complete Allocation");
        assertThat(allocate(forged, "10.1.2.3")).doesNotContain(RELAYED).contains("Cannot complete Allocation");
        assertThat(Files.readString(folder.resolve("turn.log"))).doesNotContain(SECRET);
    }

    /** One allocation over UDP and a channel to {@code peer}, as coturn's client reports them. */
    private static String allocate(TurnSecret.Credential credential, String peer) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLIENT.toString(), "-v", "-c", "-n", "1", "-p",
                Integer.toString(port), "-u", credential.username(), "-w", credential.password(), "-e", peer,
                "127.0.0.1"));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        client.getOutputStream().close();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
        }
        return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
