package io.simcast.streaming.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.access.ShareLink;
import io.simcast.testkit.HeadlessChromium.Page;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page reloaded in headless Chromium (Page.reload, as F5 does), against a real host: its link's token left the
 * address and the page's memory, and the browser's HttpOnly session cookie lets it back in with the same role; a
 * revoked link's page, or one whose browser was told to forget it, is refused; the cookie is no token a script could read, and it counts for nothing sent from
 * another origin. (The operator's unsaved editor text coming back after a reload: {@code BrowserEditorTest}.)
 */
@Tag("e2e")
class BrowserReloadTest {
    private static final Duration READY = Browsing.READY;
    @RegisterExtension
    static final Browsing world = Browsing.pendulum();
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = world.host;
    }

    @Test
    void anOperatorsPageReloadedIsStillTheOperators() throws Exception {
        Page page = world.openViewer("/");
        page.waitFor("simcast.role === 'operator'", READY);

        reload(page);

        assertThat(page.evaluate("simcast.role").asText()).isEqualTo("operator");
        assertThat(page.evaluate("fetch('/api/stats').then(r => r.status)").asInt()).as("REST by the cookie")
                .isEqualTo(200);
    }

    @Test
    void aViewerLinksPageReloadedIsStillAViewerAndNoTokenIsLeftWhereAScriptCouldReadIt() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, null, 0);
        String token = link.token().orElseThrow();
        Page page = world.openViewer("/?token=" + token);
        page.waitFor("simcast.role === 'viewer'", READY);

        reload(page);

        assertThat(page.evaluate("simcast.role").asText()).isEqualTo("viewer");
        assertThat(page.evaluate("fetch('/api/stats').then(r => r.status)").asInt()).isEqualTo(403);
        assertThat(page.evaluate("document.cookie").asText()).as("HttpOnly: no script reads it").isEmpty();
        assertThat(page.evaluate("JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + location.href")
                .asText()).doesNotContain(token).doesNotContain("token=");
        JsonNode session = sessionCookie();
        assertThat(session.path("httpOnly").asBoolean()).isTrue();
        assertThat(session.path("sameSite").asText()).isEqualTo("Strict");
        assertThat(session.path("path").asText()).isEqualTo("/");
        assertThat(session.path("value").asText()).isNotEqualTo(token).doesNotContain(token);
    }

    @Test
    void aRevokedLinksPageReloadedIsRefused() throws Exception {
        ShareLink link = host.host.links().create(Role.CONTROLLER, null, 0);
        Page page = world.openViewer("/?token=" + link.token().orElseThrow());
        page.waitFor("simcast.role === 'controller'", READY);

        host.host.links().revoke(link.id());
        page.waitFor("simcast.state === 'ended'", READY);
        page.reload();

        page.waitFor("window.simcast && simcast.state === 'refused'", READY);
        assertThat(page.evaluate("simcast.role === null").asBoolean()).as("never admitted").isTrue();
        assertThat(page.evaluate("document.getElementById('message-text').textContent").asText())
                .isEqualTo(StreamingMessages.missingToken());
        assertThat(page.evaluate("fetch('/api/config').then(r => r.status)").asInt()).isEqualTo(401);
    }

    @Test
    void forgettingThisBrowserEndsItsSessionAndTheReloadedPageIsRefused() throws Exception {
        ShareLink link = host.host.links().create(Role.VIEWER, null, 0);
        Page page = world.openViewer("/?token=" + link.token().orElseThrow());
        page.waitFor("simcast.role === 'viewer'", READY);
        page.evaluate("window.beforeReload = true");

        page.evaluate("document.getElementById('forget').click(), true");

        page.waitFor("window.simcast && !window.beforeReload && simcast.state === 'refused'", READY);
        assertThat(page.evaluate("simcast.role === null").asBoolean()).isTrue();
        assertThat(world.browser.cookies().findValuesAsText("name")).as("the cookie is gone")
                .doesNotContain("simcast-session-" + host.host.address().getPort());
        assertThat(host.host.links().find(link.id())).as("the link itself still opens the page").isPresent();
    }

    @Test
    void theBrowsersCookieSentFromAnotherOriginIsRefused() throws Exception {
        Page page = world.openViewer("/");
        page.waitFor("simcast.role === 'operator'", READY);
        String cookie = sessionCookie().path("name").asText() + "=" + sessionCookie().path("value").asText();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int port = host.host.address().getPort();

        HttpResponse<String> sameOrigin = http.send(HttpRequest.newBuilder(host.uri("/api/stats"))
                .header("Cookie", cookie).header("Sec-Fetch-Site", "same-origin").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherPort = http.send(HttpRequest.newBuilder(host.uri("/api/stats"))
                .header("Cookie", cookie).header("Origin", "http://127.0.0.1:" + (port + 1))
                .header("Sec-Fetch-Site", "same-site").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> pause = http.send(HttpRequest.newBuilder(host.uri("/api/sim/command"))
                .header("Cookie", cookie).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\": \"pause\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sameOrigin.statusCode()).as("the cookie itself works").isEqualTo(200);
        assertThat(otherPort.statusCode()).as(otherPort.body()).isEqualTo(401);
        assertThat(pause.statusCode()).as(pause.body()).isEqualTo(403);
        assertThat(host.simulation.snapshot().playing()).isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Reloads {@code page} and waits until its video plays again. */
    private static void reload(Page page) throws InterruptedException {
        page.evaluate("window.beforeReload = true");
        page.reload();
        page.waitFor("window.simcast && !window.beforeReload && simcast.state === 'connected' && simcast.stats"
                + " && simcast.stats.framesDecoded > 10", READY);
    }

    /** This host's session cookie in the browser. */
    private static JsonNode sessionCookie() {
        String name = "simcast-session-" + host.host.address().getPort();
        for (JsonNode cookie : world.browser.cookies()) {
            if (cookie.path("name").asText().equals(name)) {
                return cookie;
            }
        }
        throw new AssertionError("no cookie " + name + " in " + world.browser.cookies());
    }
}
