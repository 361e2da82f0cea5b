package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static io.simcast.streaming.browser.PagePictures.changedCells;
import static io.simcast.streaming.browser.PagePictures.difference;
import static io.simcast.streaming.browser.PagePictures.picture;
import static io.simcast.streaming.browser.PagePictures.still;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import io.simcast.testkit.HeadlessChromium.Page;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's RL panel and watching a copy while it trains: an environment created in the panel is watched in a real
 * viewer in headless Chromium (the copy's live picture, its own renderer, moving only when the environment steps),
 * its training script downloaded and the environment closed, which returns the viewer to the simulation; the panel
 * follows environments that scripts open and close; the REST call for scripts switches a viewer too. Host and
 * browser inside the test's network namespace.
 */
@Tag("e2e")
class BrowserRlWatchTest {
    @RegisterExtension
    static final Browsing world = Browsing.pendulum();
    private static TestHost host;
    private static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        host = world.host;
        downloads = Files.createTempDirectory("simcast-rl-downloads");
        world.browser.downloadTo(downloads);
    }

    @AfterEach
    void closeTabsAndEnvironments() throws Exception {
        for (JsonNode env : json(host.get("/api/rl")).path("environments")) {
            host.delete("/api/rl/" + env.path("id").asText());
        }
    }

    @Test
    void anEnvironmentCreatedInThePanelCanBeWatchedWhileItStepsAndClosedAndItsScriptDownloaded() throws Exception {
        Page page = openViewer();
        page.evaluate("simcast.workspace.show('rl')");
        page.waitFor("document.getElementById('rl-task')", Browsing.READY);
        assertThat(page.evaluate("document.getElementById('rl-description').textContent").asText()).isNotBlank();
        post("/api/sim/command", "{\"cmd\": \"pause\"}");
        double[] simulation = still(page);

        page.evaluate("(() => { document.getElementById('rl-task').value = 'panda/reach';"
                + " document.getElementById('rl-task').dispatchEvent(new Event('change'));"
                + " document.getElementById('rl-copies').value = '2'; document.getElementById('rl-seed').value = '1';"
                + " document.getElementById('rl-create').click(); return true; })()");
        page.waitFor("simcast.environments.length === 1 && document.querySelector('#rl-environments li[data-env]')",
                Browsing.READY);
        String id = page.evaluate("simcast.environments[0].id").asText();
        JsonNode listed = json(host.get("/api/rl")).path("environments").get(0);
        assertThat(listed.path("robot").asText() + "/" + listed.path("task").asText() + " x"
                + listed.path("num_envs").asInt()).isEqualTo("panda/reach x2");
        post("/api/rl/" + id + "/reset", "{\"seed\": 1}");

        page.evaluate(row(id) + ".querySelector('button.watch').click(), true");
        page.waitFor("simcast.watching.source === 'rl' && simcast.watching.env === '" + id + "'",
                Browsing.READY);
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

        page.evaluate(row(id) + ".querySelector('button.script').click(), true");
        Path script = downloads.resolve("train_panda_reach.py");
        String expected = host.get("/api/rl/script?robot=panda&task=reach&algo=ppo").body(); // simcast rl script's
        assertThat(expected).contains("SimcastVecEnv");
        waitFor(() -> Files.exists(script) && Files.readString(script).equals(expected), 30_000);

        page.waitFor(row(id) + ".querySelector('button.close').hidden === false", Browsing.READY); // the operator's
        page.evaluate(row(id) + ".querySelector('button.close').click(), true");
        page.waitFor("simcast.watching.source === 'simulation' && simcast.environments.length === 0",
                Browsing.READY);
        assertThat(page.evaluate("document.getElementById('message-text').textContent").asText())
                .isEqualTo("RL environment " + id + " was closed (DELETE /api/rl/" + id + ")");
        assertThat(json(host.get("/api/rl")).path("environments")).isEmpty();
        waitFor(() -> difference(simulation, picture(page)) < 2, 30_000);
        waitFor(() -> !views().contains("rl:1"), 30_000);
    }

    @Test
    void thePanelsListFollowsEnvironmentsThatScriptsOpenAndClose() throws Exception {
        Page page = openViewer();
        page.evaluate("simcast.workspace.show('rl')");
        page.waitFor("document.getElementById('rl-environments')", Browsing.READY);

        String id = create("cartpole", "balance", 3);
        page.waitFor(row(id) + " && " + row(id) + ".textContent.includes('cartpole/balance · 3 copies')",
                Browsing.READY);
        host.delete("/api/rl/" + id);
        page.waitFor("!" + row(id), Browsing.READY);
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
        page.evaluate("simcast.workspace.show('rl')");
        page.waitFor(row(id) + " && " + row(id) + ".querySelector('select').value === '1'", Browsing.READY);

        assertThat(refusal(post(watch, "{\"source\": \"rl\", \"env\": \"" + id + "\", \"copy\": 5}"), 400))
                .isEqualTo("copy must be between 0 and 1, got 5");
        assertThat(refusal(post(watch, "{\"source\": \"rl\", \"env\": \"rl-999999\"}"), 404))
                .isEqualTo("No RL environment with id 'rl-999999' (closed, or never created)");
        assertThat(refusal(post(watch, "{\"source\": \"tv\"}"), 400))
                .isEqualTo("'watch' needs \"source\": \"simulation\", \"rl\" or \"sandbox\"");
        assertThat(refusal(post("/api/viewers/nobody/watch", "{\"source\": \"simulation\"}"), 404))
                .isEqualTo("No viewer 'nobody' (it left, or never existed); GET /api/stats lists the viewers");
        assertThat(page.evaluate("simcast.watching.copy").asInt()).as("refusals change nothing").isEqualTo(1);

        assertThat(json(post(watch, "{\"source\": \"simulation\"}")).path("source").asText()).isEqualTo("simulation");
        page.waitFor("simcast.watching.source === 'simulation'", Duration.ofSeconds(30));
        waitFor(() -> !views().contains("rl:1"), 30_000);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The RL panel's row of environment {@code id}, as a JavaScript expression. */
    private static String row(String id) {
        return "document.querySelector('#rl-environments li[data-env=\"" + id + "\"]')";
    }

    private static Page openViewer() throws InterruptedException {
        return world.openViewer("/");
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
