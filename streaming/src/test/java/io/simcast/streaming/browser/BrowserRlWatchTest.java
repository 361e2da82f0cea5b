package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static io.simcast.streaming.browser.PagePictures.changedCells;
import static io.simcast.streaming.browser.PagePictures.difference;
import static io.simcast.streaming.browser.PagePictures.picture;
import static io.simcast.streaming.browser.PagePictures.still;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import io.simcast.streaming.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Watching an RL environment copy while it trains: the page's picker and the REST call for scripts switch a real
 * viewer in headless Chromium to the copy's live picture (its own renderer), which moves only when the environment
 * steps, and back to the simulation when the environment closes. Host and browser inside the test's network
 * namespace.
 */
@Tag("e2e")
class BrowserRlWatchTest {
    private static TestHost host;
    private static HeadlessChromium browser;
    private final List<Page> pages = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start("pendulum");
        browser = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @AfterEach
    void closeTabsAndEnvironments() throws Exception {
        pages.forEach(Page::close);
        pages.clear();
        for (JsonNode env : json(host.get("/api/rl")).path("environments")) {
            host.delete("/api/rl/" + env.path("id").asText());
        }
        waitFor(() -> json(host.get("/api/health")).path("viewers").path("count").asInt() == 0, 30_000);
    }

    @Test
    void thePickerShowsACopyWhosePictureMovesOnlyWhenTheEnvironmentStepsAndClosingItReturnsToTheSimulation()
            throws Exception {
        Page page = openViewer();
        String id = create("panda", "reach", 2);
        post("/api/sim/command", "{\"cmd\": \"pause\"}");
        double[] simulation = still(page);

        page.waitFor("[...document.getElementById('watch').options].some(o => o.value === '" + id + "')",
                Duration.ofSeconds(30));
        page.evaluate("(() => { const s = document.getElementById('watch'); s.value = '" + id + "';"
                + " s.dispatchEvent(new Event('change')); return true; })()");

        page.waitFor("simcast.watching.source === 'rl' && simcast.watching.env === '" + id + "'",
                Duration.ofSeconds(30));
        waitFor(() -> difference(simulation, picture(page)) > 10, 30_000);
        double[] before = still(page); // a copy nobody steps holds still
        assertThat(views()).contains("rl:1");
        assertThat(json(host.get("/api/rl")).path("environments").get(0).path("watched_copies").toString())
                .isEqualTo("[0]");
        assertThat(json(host.get("/api/stats")).path("viewers").get(0).path("watching").asText())
                .isEqualTo(id + "/0");

        String bend = "[" + "1.0, ".repeat(6) + "1.0]"; // every servo target moves its most: the arm bends
        for (int i = 0; i < 25; i++) {
            assertThat(post("/api/rl/" + id + "/step", "{\"actions\": [" + bend + ", " + bend + "]}")
                    .statusCode()).isEqualTo(200);
        }
        waitFor(() -> changedCells(before, picture(page)) > 30, 30_000);

        assertThat(host.delete("/api/rl/" + id).statusCode()).isEqualTo(200);
        page.waitFor("simcast.watching.source === 'simulation'", Duration.ofSeconds(30));
        assertThat(page.evaluate("document.getElementById('message').textContent").asText())
                .isEqualTo("RL environment " + id + " was closed (DELETE /api/rl/" + id + ")");
        assertThat(page.evaluate("document.getElementById('watch').value").asText()).isEmpty();
        waitFor(() -> difference(simulation, picture(page)) < 2, 30_000);
        waitFor(() -> !views().contains("rl:1"), 30_000);
    }

    @Test
    void aScriptPointsAViewerAtACopyOverRestAndBackAndBadRequestsAreRefusedInWords() throws Exception {
        Page page = openViewer();
        String id = create("cartpole", "balance", 2);
        String viewer = page.evaluate("simcast.viewerId").asText();
        String watch = "/api/viewers/" + viewer + "/watch";

        JsonNode answer = json(post(watch, "{\"source\": \"rl\", \"env\": \"" + id + "\", \"copy\": 1}"));

        assertThat(answer.toString()).isEqualTo("{\"viewer\":\"" + viewer + "\",\"source\":\"rl\",\"env\":\""
                + id + "\",\"copy\":1}");
        page.waitFor("simcast.watching.source === 'rl' && simcast.watching.copy === 1", Duration.ofSeconds(30));
        assertThat(page.evaluate("document.getElementById('watch-copy').value").asText()).isEqualTo("1");

        assertThat(refusal(post(watch, "{\"source\": \"rl\", \"env\": \"" + id + "\", \"copy\": 5}"), 400))
                .isEqualTo("copy must be between 0 and 1, got 5");
        assertThat(refusal(post(watch, "{\"source\": \"rl\", \"env\": \"rl-999999\"}"), 404))
                .isEqualTo("No RL environment with id 'rl-999999' (closed, or never created)");
        assertThat(refusal(post(watch, "{\"source\": \"tv\"}"), 400))
                .isEqualTo("'watch' needs \"source\": \"simulation\" or \"rl\"");
        assertThat(refusal(post("/api/viewers/nobody/watch", "{\"source\": \"simulation\"}"), 404))
                .isEqualTo("No viewer 'nobody' (it left, or never existed); GET /api/stats lists the viewers");
        assertThat(page.evaluate("simcast.watching.copy").asInt()).as("refusals change nothing").isEqualTo(1);

        assertThat(json(post(watch, "{\"source\": \"simulation\"}")).path("source").asText()).isEqualTo("simulation");
        page.waitFor("simcast.watching.source === 'simulation'", Duration.ofSeconds(30));
        waitFor(() -> !views().contains("rl:1"), 30_000);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Page openViewer() throws InterruptedException {
        Page page = browser.open(host.uri("/").toString());
        pages.add(page);
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats"
                + " && simcast.stats.framesDecoded > 10", Duration.ofSeconds(60));
        return page;
    }

    private static String create(String robot, String task, int copies) throws Exception {
        String id = json(post("/api/rl/create", "{\"robot\": \"" + robot + "\", \"task\": \"" + task + "\","
                + " \"seed\": 1, \"num_envs\": " + copies + "}")).path("id").asText();
        post("/api/rl/" + id + "/reset", "{\"seed\": 1}");
        return id;
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return host.post(path, "application/json", body);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static String refusal(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.parse(response.body()).path("error").asText();
    }

    /** The rendered views as kind:viewers. */
    private static List<String> views() throws Exception {
        List<String> views = new ArrayList<>();
        for (JsonNode view : json(host.get("/api/stats")).path("rendering").path("views")) {
            views.add(view.path("kind").asText() + ":" + view.path("viewers").asInt());
        }
        return views;
    }
}
