package io.simcast.streaming.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.TestHost;
import io.simcast.streaming.host.StreamingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "This machine" is a secret, not an address: a forwarder on the host's own machine (socat, {@code ssh -R}, a proxy
 * that adds no header, {@code kubectl port-forward}) hands a remote person's requests to the host from 127.0.0.1,
 * with whatever {@code Host} header that person chose. Such a request, like any other without a token, is nobody.
 */
class LocalForwarderTest {
    private static final String OPERATOR_TOKEN = "operator-token-for-the-forwarder-test";
    private static TestHost host;
    private static Forwarder forwarder;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum", StreamingConfig.builder().operatorToken(OPERATOR_TOKEN));
        forwarder = new Forwarder(host.host.address().getPort());
    }

    @AfterAll
    static void stop() throws IOException {
        forwarder.close();
        host.close();
    }

    /** What a stranger sends through the forwarder, naming the host as 127.0.0.1 so that it looks local. */
    private HttpResponse<String> makeControllerLink(URI base, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/links"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\": \"controller\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStrangerThroughALocalForwarderWithALoopbackHostHeaderIsNotTheOperator() throws Exception {
        HttpResponse<String> answer = makeControllerLink(forwarder.address(), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(host.host.links().active()).isEmpty();
    }

    @Test
    void aRequestFromThisMachineWithoutATokenIsNotTheOperatorEither() throws Exception {
        HttpResponse<String> answer = makeControllerLink(host.host.address(), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"simcast\"");
    }

    @Test
    void theOperatorTokenIsWhatMakesTheOperatorThroughTheForwarderOrNot() throws Exception {
        HttpResponse<String> answer = makeControllerLink(forwarder.address(), OPERATOR_TOKEN);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        host.host.links().active().forEach(link -> host.host.links().revoke(link.id()));
    }

    @Test
    void aPageThatRebindsItsNameToThisMachineIsRefusedWhateverItsToken() throws Exception {
        assertThat(rawStatus("evil.example:8000")).isEqualTo(403);
        assertThat(rawStatus("127.0.0.1.evil.example")).isEqualTo(403);
        assertThat(rawStatus("127.0.0.1:" + host.host.address().getPort())).isEqualTo(200);
    }

    /** GET /api/stats with the operator token and {@code Host: host}, as a rebinding page's browser would send it. */
    private static int rawStatus(String hostHeader) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), host.host.address().getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /api/stats HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer "
                    + OPERATOR_TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /** socat TCP-LISTEN:X,fork TCP:127.0.0.1:PORT, in a few lines: bytes both ways, nothing added. */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket listener;
        private final int target;

        Forwarder(int target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        /** The forwarder's address; the Host header a client sends names it as 127.0.0.1 all the same. */
        URI address() {
            return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    Thread.ofVirtual().start(() -> pump(client, upstream));
                    Thread.ofVirtual().start(() -> pump(upstream, client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed: close both below
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
