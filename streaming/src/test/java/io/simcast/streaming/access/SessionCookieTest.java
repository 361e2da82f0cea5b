package io.simcast.streaming.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.Role;
import io.simcast.streaming.SocketClient;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page's session cookie over real HTTP, on a host whose operator is whoever holds its token or links: what
 * {@code POST /api/session} sets, the cookie standing in for the token on REST and the signalling socket with the
 * same role, and never for a request from another origin, a revoked link, or a forgotten browser. (The page
 * reloading in Chromium: {@code BrowserReloadTest}.)
 */
class SessionCookieTest {
    private static TestHost host;
    /** HTTP/1.1 as browsers speak it here: the default's h2c upgrade header would make every request an upgrade. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum"); // with an operator token: this machine is nobody in particular
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void openingALinkSetsAnHttpOnlyStrictCookieThatIsNotTheToken() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, Duration.ofHours(2), 0);

        HttpResponse<String> opened = open(link.token().orElseThrow());

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("simcast-session-" + host.host.address().getPort() + "=")
                .contains("; Path=/", "; HttpOnly", "; SameSite=Strict").doesNotContain("Secure")
                .doesNotContain(link.token().orElseThrow());
        long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertThat(maxAge).as("no longer than the link").isBetween(1L, Duration.ofHours(2).toSeconds());
    }

    @Test
    void theCookieGrantsTheLinksRoleOnRestAndTheSocket() throws Exception {
        String viewer = cookieOf(open(host.host.links().create(Role.VIEWER, null, 0).token().orElseThrow()));
        String operator = cookieOf(open(host.host.links().create(Role.OPERATOR, null, 0).token().orElseThrow()));

        assertThat(get("/api/config", viewer, null, "same-origin").statusCode()).isEqualTo(200);
        assertThat(get("/api/stats", viewer, null, "same-origin").statusCode()).isEqualTo(403);
        assertThat(get("/api/stats", operator, null, "same-origin").statusCode()).isEqualTo(200);
        assertThat(get("/api/stats", operator, null, null).statusCode()).as("a browser without Sec-Fetch")
                .isEqualTo(200);
        HttpResponse<String> again = post("/api/session", viewer, host.uri("/").toString().replaceAll("/$", ""));
        assertThat(again.statusCode()).as("the reloaded page's question").isEqualTo(200);
        assertThat(Json.parse(again.body()).path("role").asText()).isEqualTo("viewer");

        try (SocketClient socket = socket(viewer, "")) {
            assertThat(socket.next("welcome").path("role").asText()).isEqualTo("viewer");
        }
        try (SocketClient socket = socket(operator, "")) {
            assertThat(socket.next("welcome").path("role").asText()).isEqualTo("operator");
        }
    }

    @Test
    void aPageThatHoldsItsTokenIsWhatItsTokenSaysWhateverItsBrowsersCookie() throws Exception {
        String viewer = cookieOf(open(host.host.links().create(Role.VIEWER, null, 0).token().orElseThrow()));
        String controller = host.host.links().create(Role.CONTROLLER, null, 0).token().orElseThrow();

        try (SocketClient socket = socket(viewer, "&auth=message")) {
            socket.send("{\"type\": \"auth\", \"token\": \"" + controller + "\"}");
            assertThat(socket.next("welcome").path("role").asText()).isEqualTo("controller");
        }
    }

    @Test
    void theCookieNeverCountsForAnotherOrigin() throws Exception {
        String operator = cookieOf(open(host.host.links().create(Role.OPERATOR, null, 0).token().orElseThrow()));
        int port = host.host.address().getPort();
        String sameSiteOtherPort = "http://127.0.0.1:" + (port == 1 ? 2 : port - 1);

        assertThat(get("/api/stats", operator, sameSiteOtherPort, "same-site").statusCode())
                .as("a page on another port of this machine (the same site)").isEqualTo(401);
        assertThat(get("/api/stats", operator, null, "same-site").statusCode()).as("an image or script tag there")
                .isEqualTo(401);
        assertThat(get("/api/stats", operator, null, "cross-site").statusCode()).isEqualTo(401);
        HttpResponse<String> load = post("/api/sim/command", operator, "http://evil.example");
        assertThat(load.statusCode()).isEqualTo(403);
        assertThat(Json.parse(load.body()).path("error").asText()).startsWith("Requests from other sites are refused");
        assertThatThrownBy(() -> new SocketClient(socketUri(""), sameSiteOtherPort, cookieClient(operator)).close())
                .as("the upgrade").hasStackTraceContaining("403");
    }

    @Test
    void revokingTheLinkOrForgettingTheBrowserEndsTheCookiesAccess() throws Exception {
        ShareLink revoked = host.host.links().create(Role.CONTROLLER, null, 0);
        String gone = cookieOf(open(revoked.token().orElseThrow()));
        String forgotten = cookieOf(open(host.host.links().create(Role.CONTROLLER, null, 0).token().orElseThrow()));
        assertThat(get("/api/config", gone, null, "same-origin").statusCode()).isEqualTo(200);

        host.host.links().revoke(revoked.id());
        HttpResponse<String> forget = HTTP.send(HttpRequest.newBuilder(host.uri("/api/session"))
                .header("Cookie", forgotten).header("Sec-Fetch-Site", "same-origin").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get("/api/config", gone, null, "same-origin").statusCode()).isEqualTo(401);
        assertThat(post("/api/session", gone, null).statusCode()).isEqualTo(401);
        assertThat(forget.statusCode()).isEqualTo(204);
        assertThat(forget.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0", "HttpOnly");
        assertThat(get("/api/config", forgotten, null, "same-origin").statusCode()).isEqualTo(401);
        JsonNode refused;
        try (SocketClient socket = socket(gone, "")) {
            refused = socket.next("refused");
        }
        assertThat(refused.path("reason").asText()).isEqualTo("unauthorized");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static HttpResponse<String> open(String token) throws Exception {
        return host.http().send(HttpRequest.newBuilder(host.uri("/api/session"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code name=value} a browser sends back from {@code opened}'s Set-Cookie. */
    private static String cookieOf(HttpResponse<String> opened) {
        assertThat(opened.statusCode()).as(opened.body()).isBetween(200, 201);
        return opened.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private static HttpResponse<String> get(String path, String cookie, String origin, String fetchSite)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.uri(path)).header("Cookie", cookie);
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String cookie, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\": \"pause\"}"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SocketClient socket(String cookie, String query) throws Exception {
        return new SocketClient(socketUri(query), null, cookieClient(cookie));
    }

    /** A client that sends {@code cookie} (name=value) as a browser on this origin would, upgrades included. */
    private static HttpClient cookieClient(String cookie) throws Exception {
        CookieManager jar = new CookieManager();
        String[] parts = cookie.split("=", 2);
        java.net.HttpCookie stored = new java.net.HttpCookie(parts[0], parts[1]);
        stored.setPath("/");
        stored.setVersion(0);
        jar.getCookieStore().add(host.uri("/"), stored);
        return HttpClient.newBuilder().cookieHandler(jar).build();
    }

    private static URI socketUri(String query) {
        return URI.create(host.uri("/ws/signaling?view=own" + query).toString().replace("http:", "ws:"));
    }
}
