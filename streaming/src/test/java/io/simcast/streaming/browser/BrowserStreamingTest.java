package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static io.simcast.streaming.browser.PagePictures.difference;
import static io.simcast.streaming.browser.PagePictures.picture;
import static io.simcast.streaming.browser.PagePictures.redAndGreenRows;
import static io.simcast.streaming.browser.PagePictures.still;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import io.simcast.streaming.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bundled page in headless Chromium, receiving real WebRTC video from a real host, both inside the test's
 * private network namespace. One host and one browser for the class; each test opens the tabs it needs.
 */
@Tag("e2e")
class BrowserStreamingTest {
    /** Deadlines that only guard against hangs: a loaded machine is slow, never wrong. */
    private static final Duration CONNECT = Duration.ofSeconds(60);
    private static final long WAIT_MILLIS = 30_000;
    /** Self-lit boxes, red straight above green, seen by the default free camera from above: red is higher. */
    private static final String RED_OVER_GREEN = """
            <mujoco model="red-over-green">
              <asset>
                <material name="red" rgba="1 0 0 1" emission="1" specular="0"/>
                <material name="green" rgba="0 1 0 1" emission="1" specular="0"/>
              </asset>
              <worldbody>
                <body pos="0 0 1.3"><geom type="box" size="0.3 0.3 0.3" material="red"/></body>
                <body pos="0 0 0.5"><geom type="box" size="0.3 0.3 0.3" material="green"/></body>
              </worldbody>
            </mujoco>
            """;
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
    void closeTabsAndResume() throws Exception {
        pages.forEach(Page::close);
        pages.clear();
        command("play");
        waitFor(() -> viewerCount() == 0, WAIT_MILLIS);
    }

    @Test
    void framesDecodeAtTheConfiguredSizeInH264() throws Exception {
        Page page = openViewer();

        long before = page.evaluate("simcast.stats.framesDecoded").asLong();
        waitFor(() -> page.evaluate("simcast.stats.framesDecoded").asLong() > before + 40, WAIT_MILLIS);
        JsonNode stats = page.evaluate("simcast.stats");

        assertThat(stats.path("videoWidth").asInt()).isEqualTo(640);
        assertThat(stats.path("videoHeight").asInt()).isEqualTo(480);
        assertThat(stats.path("codec").asText()).isEqualTo("H264");
    }

    @Test
    void aSceneWithRedAboveGreenArrivesRedOnTop() throws Exception {
        Page page = openViewer();
        try {
            assertThat(host.post("/api/scene/load", "application/xml", RED_OVER_GREEN).statusCode()).isEqualTo(200);

            waitFor(() -> redAndGreenRows(page) != null, WAIT_MILLIS);
            double[] rows = redAndGreenRows(page);
            assertThat(rows[0]).as("the red box's row of 48 (0 at the top)").isLessThan(rows[1]);
            assertThat(rows[0]).isLessThan(24);
        } finally {
            host.post("/api/scene/preset/pendulum", null, "");
        }
    }

    @Test
    void draggingInThePageTurnsTheCamera() throws Exception {
        Page page = openViewer();
        command("pause");
        double[] before = still(page); // a paused picture holds still

        dragAcrossVideo(page);

        waitFor(() -> difference(before, picture(page)) > 10, WAIT_MILLIS);
    }

    @Test
    void aOneFingerSwipeTurnsTheCameraLikeADrag() throws Exception {
        Page page = openViewer();
        command("pause");
        double[] before = still(page);

        JsonNode box = videoBox(page);
        double y = box.path("y").asDouble() + box.path("height").asDouble() / 2;
        double x = box.path("x").asDouble() + box.path("width").asDouble() / 2;
        page.swipe(x - 150, y, x + 150, y, 15);

        waitFor(() -> difference(before, picture(page)) > 10, WAIT_MILLIS);
    }

    @Test
    void simulatesKeysWorkInThePage() throws Exception {
        Page page = openViewer();
        page.evaluate("document.getElementById('stage').focus()");

        page.press("Space", " ");

        waitFor(() -> "paused".equals(simulationState()), WAIT_MILLIS);
        page.press("Space", " ");
        waitFor(() -> "playing".equals(simulationState()), WAIT_MILLIS);
    }

    /** The page's buttons send the named commands of their keys, as the console's buttons perform those keys. */
    @Test
    void theButtonsDoWhatTheirKeysDoWithTheSpeedTheHostHolds() throws Exception {
        Page page = openViewer();
        page.evaluate("document.getElementById('faster').click(), document.getElementById('faster').click(), true");
        waitFor(() -> host.simulation.snapshot().speed() == 4, WAIT_MILLIS); // two quick presses both count
        page.evaluate("document.getElementById('slower').click(), true");
        page.waitFor("document.getElementById('speed').textContent === '2×'", CONNECT);
        assertThat(page.evaluate("document.getElementById('step').disabled").asBoolean()).as("Step while playing")
                .isTrue();

        command("pause");
        page.waitFor("!document.getElementById('step').disabled", CONNECT);
        double paused = simulationTime();
        page.evaluate("document.getElementById('step').click(), true");
        waitFor(() -> simulationTime() > paused, WAIT_MILLIS);
        page.evaluate("document.getElementById('slower').click(), true");
        waitFor(() -> host.simulation.snapshot().speed() == 1, WAIT_MILLIS);
    }

    @Test
    void twoViewersTurnTheirCamerasIndependently() throws Exception {
        Page first = openViewer();
        Page second = openViewer();
        command("pause");
        double[] firstBefore = still(first);
        double[] secondBefore = still(second);

        dragAcrossVideo(first);

        waitFor(() -> difference(firstBefore, picture(first)) > 10, WAIT_MILLIS);
        Thread.sleep(500); // the other viewer's picture would have turned meanwhile
        assertThat(difference(secondBefore, picture(second))).as("the other viewer's picture").isLessThan(2);
    }

    @Test
    void viewersWhoDoNotSteerShareOneRenderAndOneWhoSteersGetsItsOwn() throws Exception {
        openViewer();
        Page steering = openViewer();
        openViewer();
        assertThat(views()).containsExactly("default:3");

        dragAcrossVideo(steering);

        waitFor(() -> views().equals(List.of("default:2", "own:1")), WAIT_MILLIS);
    }

    @Test
    void aFollowerOfTheHostViewDoesNotSteerIt() throws Exception {
        Page follower = openViewer("?view=host");
        command("pause");
        double[] before = still(follower);

        dragAcrossVideo(follower);
        Thread.sleep(1000); // a steered host view would have turned meanwhile

        assertThat(difference(before, picture(follower))).as("the host view after a follower's drag").isLessThan(2);
        assertThat(views()).containsExactly("default:1");
        assertThat(follower.evaluate("document.getElementById('follow').checked").asBoolean()).isTrue();
    }

    @Test
    void fourViewersEachKeepReceivingVideoWhileTheSimulationRuns() throws Exception {
        // The real-time factor and frame rates with 1 to 28 viewers are `simcast bench viewers`' (PERFORMANCE.md).
        for (int i = 0; i < 4; i++) {
            openViewer();
        }
        assertThat(viewerCount()).isEqualTo(4);
        List<Long> before = framesDecoded();
        double time = simulationTime();

        waitFor(() -> simulationTime() > time + 1, WAIT_MILLIS);
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            long decoded = before.get(i);
            waitFor(() -> page.evaluate("simcast.stats.framesDecoded").asLong() > decoded + 30, WAIT_MILLIS);
        }
    }

    @Test
    void aPausedStillSceneKeepsItsViewerConnected() throws Exception {
        Page page = openViewer();
        String viewerId = page.evaluate("simcast.viewerId").asText();
        command("pause");

        Thread.sleep(6000); // the renderer draws nothing new; the pump repeats the still picture

        assertThat(viewerCount()).isEqualTo(1);
        assertThat(page.evaluate("simcast.state").asText()).isEqualTo("connected");
        assertThat(page.evaluate("simcast.viewerId").asText()).isEqualTo(viewerId);
    }

    @Test
    void aClosedTabIsCleanedUp() throws Exception {
        Page page = openViewer();
        assertThat(viewerCount()).isEqualTo(1);

        pages.remove(page);
        page.close();

        waitFor(() -> viewerCount() == 0, WAIT_MILLIS); // a session nobody cleaned up would stay for good
    }

    @Test
    void badSignallingGetsAnErrorReplyAndTheHostKeepsServing() throws Exception {
        Page viewer = openViewer();
        Page prober = open();

        JsonNode replies = prober.evaluate("""
                new Promise((resolve) => {
                  const errors = [];
                  const socket = new WebSocket(`ws://${location.host}/ws/signaling`);
                  socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: 'OPERATOR_TOKEN' }));
                  socket.onmessage = (event) => {
                    const message = JSON.parse(event.data);
                    if (message.type === 'welcome') {
                      socket.send('{"type": "offer", "sdp": ');
                      socket.send(JSON.stringify({ type: 'offer', sdp: 'v=0\\r\\nthis is not sdp\\r\\nm=video 9 x\\r\\n' }));
                      socket.send(JSON.stringify({ type: 'teleport' }));
                    }
                    if (message.type === 'error') errors.push(message);
                    if (errors.length === 3) { socket.close(); resolve(errors); }
                  };
                })""".replace("OPERATOR_TOKEN", host.operatorToken()));

        assertThat(replies.findValuesAsText("code")).containsExactlyInAnyOrder("bad_json", "bad_sdp", "bad_message");
        assertThat(replies.toString()).contains("Invalid JSON").contains("The offer was refused")
                .contains("Unknown message type 'teleport'");
        long before = viewer.evaluate("simcast.stats.framesDecoded").asLong();
        waitFor(() -> viewer.evaluate("simcast.stats.framesDecoded").asLong() > before + 15, WAIT_MILLIS);
        assertThat(Json.parse(host.get("/api/health").body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aSceneLoadedThroughTheApiReachesAConnectedViewerWithoutReconnecting() throws Exception {
        Page page = openViewer();
        String viewerId = page.evaluate("simcast.viewerId").asText();
        command("pause");
        double[] pendulum = still(page);

        assertThat(host.post("/api/scene/preset/cartpole", null, "").statusCode()).isEqualTo(200);

        page.waitFor("simcast.scene.id === 'cartpole'", Duration.ofMillis(WAIT_MILLIS));
        assertThat(page.evaluate("document.getElementById('scene-title').textContent").asText())
                .isEqualTo("Cart-pole");
        waitFor(() -> difference(pendulum, picture(page)) > 10, WAIT_MILLIS);
        assertThat(page.evaluate("simcast.viewerId").asText()).as("the same connection").isEqualTo(viewerId);
        host.post("/api/scene/preset/pendulum", null, "");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Page open() throws InterruptedException {
        return open("");
    }

    private Page open(String query) throws InterruptedException {
        Page page = browser.open(host.operatorPage(query).toString());
        pages.add(page);
        page.waitFor("window.simcast", Duration.ofMillis(WAIT_MILLIS));
        return page;
    }

    private Page openViewer() throws InterruptedException {
        return openViewer("");
    }

    private Page openViewer(String query) throws InterruptedException {
        Page page = open(query);
        page.waitFor("simcast.state === 'connected' && simcast.stats && simcast.stats.framesDecoded > 10", CONNECT);
        return page;
    }

    private List<Long> framesDecoded() {
        return pages.stream().map(page -> page.evaluate("simcast.stats.framesDecoded").asLong()).toList();
    }

    private static JsonNode videoBox(Page page) {
        return page.evaluate("(() => { const r = document.getElementById('video').getBoundingClientRect();"
                + " return { x: r.x, y: r.y, width: r.width, height: r.height }; })()");
    }

    private static void dragAcrossVideo(Page page) throws InterruptedException {
        JsonNode box = videoBox(page);
        double centreX = box.path("x").asDouble() + box.path("width").asDouble() / 2;
        double centreY = box.path("y").asDouble() + box.path("height").asDouble() / 2;
        page.drag(centreX - 150, centreY, centreX + 150, centreY + 40, "left", 15);
    }

    private static void command(String cmd) throws Exception {
        host.post("/api/sim/command", "application/json", "{\"cmd\": \"" + cmd + "\"}");
    }

    /** The rendered views as kind:viewers, sorted. */
    private static List<String> views() throws Exception {
        List<String> views = new ArrayList<>();
        for (JsonNode view : Json.parse(host.get("/api/stats").body()).path("rendering").path("views")) {
            views.add(view.path("kind").asText() + ":" + view.path("viewers").asInt());
        }
        views.sort(null);
        return views;
    }

    private static String simulationState() throws Exception {
        return Json.parse(host.get("/api/health").body()).path("simulation").path("state").asText();
    }

    private static int viewerCount() throws Exception {
        return Json.parse(host.get("/api/health").body()).path("viewers").path("count").asInt();
    }

    private static double simulationTime() throws Exception {
        return Json.parse(host.get("/api/health").body()).path("simulation").path("time").asDouble();
    }
}
