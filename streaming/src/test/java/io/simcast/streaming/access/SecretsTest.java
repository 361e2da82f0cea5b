package io.simcast.streaming.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay secret: a link's token is shown once, in the answer that made it, and the host keeps only digests;
 * an operator link opens one page, once; a plain-HTTP host sends no HSTS (a TLS host does: TlsTest).
 */
class SecretsTest {
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aLinksAddressIsInTheAnswerThatMadeItAndInNoList() throws Exception {
        HttpResponse<String> made = host.post("/api/links", "application/json", "{\"role\": \"controller\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String url = Json.parse(made.body()).path("url").asText();
        String token = url.substring(url.indexOf("?token=") + "?token=".length());

        HttpResponse<String> listed = host.get("/api/links");

        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(listed.body()).doesNotContain(token).doesNotContain("\"url\"")
                .contains(Json.parse(made.body()).path("id").asText());
        assertThat(host.host.links().active()).allSatisfy(link -> assertThat(link.token()).isEmpty());
    }

    @Test
    void anOperatorLinkOpensOnePageOnceAndThatPageIsTheOperator() throws Exception {
        String url = host.operatorPage().toString();
        String once = url.substring(url.indexOf("?token=") + "?token=".length());

        HttpResponse<String> opened = session(once);
        HttpResponse<String> again = session(once);
        String pageToken = Json.parse(opened.body()).path("token").asText();

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(Json.parse(opened.body()).path("role").asText()).isEqualTo("operator");
        assertThat(again.statusCode()).as("a second time").isEqualTo(401);
        JsonNode stats = Json.parse(host.send(HttpRequest.newBuilder(host.uri("/api/stats"))
                .header("Authorization", "Bearer " + pageToken)).body());
        assertThat(stats.has("viewers")).as(stats.toString()).isTrue();
        assertThat(host.send(HttpRequest.newBuilder(host.uri("/api/stats"))
                .header("Authorization", "Bearer " + once)).statusCode()).isEqualTo(401);
    }

    @Test
    void aPlainHttpHostSendsNoHsts() throws Exception {
        assertThat(host.get("/api/health").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static HttpResponse<String> session(String token) throws Exception {
        return host.send(HttpRequest.newBuilder(host.uri("/api/session")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
