package io.simcast.streaming.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.SocketClient;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tls-cert/--tls-key}: the host serves HTTPS from the two PEM files an operator gets from a certificate
 * authority (here a self-signed pair made with the JDK's keytool), and refuses to start, naming the file, when they
 * are wrong.
 */
class TlsTest {
    @TempDir
    static Path folder;
    private static Path certificate;
    private static Path key;
    private static Path otherKey;
    private static KeyStore trusted;

    @BeforeAll
    static void makeCertificates() throws Exception {
        KeyStore first = keyPair("first");
        KeyStore second = keyPair("second");
        certificate = pem(folder.resolve("cert.pem"), "CERTIFICATE", first.getCertificate("first").getEncoded());
        key = pem(folder.resolve("key.pem"), "PRIVATE KEY", privateKey(first, "first").getEncoded());
        otherKey = pem(folder.resolve("other-key.pem"), "PRIVATE KEY", privateKey(second, "second").getEncoded());
        trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("simcast", first.getCertificate("first"));
    }

    @Test
    void theHostServesHttpsWithThePemFilesAndNoPlainHttp() throws Exception {
        try (TestHost host = TestHost.start("pendulum", StreamingConfig.builder()
                .tls(new StreamingConfig.TlsFiles(certificate, key)))) {
            HttpClient https = trustingTheTestCertificate();

            HttpResponse<String> health = https.send(HttpRequest.newBuilder(host.uri("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(host.host.address().toString()).startsWith("https://127.0.0.1:");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\"");
            assertThat(health.headers().firstValue("Strict-Transport-Security")).as("HSTS")
                    .hasValue("max-age=31536000");
            String plain = host.uri("/api/health").toString().replace("https:", "http:");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(plain))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theSignallingSocketRunsOverWssWithTheSameCertificate() throws Exception {
        try (TestHost host = TestHost.start("pendulum", StreamingConfig.builder()
                .tls(new StreamingConfig.TlsFiles(certificate, key)));
             SocketClient socket = new SocketClient(URI.create(host.uri("/ws/signaling").toString()
                     .replace("https:", "wss:")), null, trustingTheTestCertificate())) {
            socket.send("{\"type\": \"auth\", \"token\": \"" + host.operatorToken() + "\"}");
            JsonNode welcome = socket.next("welcome");

            assertThat(welcome.path("viewerId").asText()).isNotBlank();
            assertThat(host.host.viewerCount()).isEqualTo(1);
        }
    }

    @Test
    void aKeyThatDoesNotGoWithTheCertificateStopsTheHostWithASentence() {
        assertThatThrownBy(() -> TestHost.start("pendulum", StreamingConfig.builder()
                .tls(new StreamingConfig.TlsFiles(certificate, otherKey))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The key " + otherKey + " does not go with the certificate " + certificate);
    }

    @Test
    void aKeyGivenAsTheCertificateIsNamedAsSuch() {
        assertThatThrownBy(() -> TestHost.start("pendulum", StreamingConfig.builder()
                .tls(new StreamingConfig.TlsFiles(key, key))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(key + " holds no certificate (-----BEGIN CERTIFICATE-----); give the certificate chain as"
                        + " PEM");
    }

    private static HttpClient trustingTheTestCertificate() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static KeyStore keyPair(String alias) throws Exception {
        Path store = folder.resolve(alias + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }

    private static PrivateKey privateKey(KeyStore keys, String alias) throws Exception {
        return (PrivateKey) keys.getKey(alias, "changeit".toCharArray());
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
    }
}
