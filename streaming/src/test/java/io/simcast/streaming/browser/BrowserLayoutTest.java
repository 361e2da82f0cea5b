package io.simcast.streaming.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.testkit.HeadlessChromium.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page as a place to work: on a laptop the video stays the largest thing beside the open panels and grows when
 * they are hidden; on a phone the video spans the screen above the basic controls, with nothing wider than the
 * screen; the event log tells which scene runs now and who joined. Host and browser inside the test's network namespace.
 */
@Tag("e2e")
class BrowserLayoutTest {
    @RegisterExtension
    static final Browsing world = Browsing.pendulum();

    @Test
    void onALaptopTheVideoStaysLargerThanTheOpenPanelsAndTakesTheirPlaceWhenTheyAreHidden() throws Exception {
        Page page = world.openWorkspace("editor", "generate", "log");
        page.viewport(1366, 768);
        page.waitFor("simcast.workspace.shown().length === 3", Browsing.READY);
        JsonNode video = box(page, "video");
        JsonNode dock = box(page, "dock");
        assertThat(dock.path("width").asDouble()).as("the dock beside the video").isPositive();
        assertThat(video.path("width").asDouble()).as("video width of 1366 beside the panels")
                .isGreaterThan(dock.path("width").asDouble()).isGreaterThan(1366 * 0.55);

        page.evaluate("['editor', 'generate', 'log'].forEach((id) => simcast.workspace.hide(id)), true");
        page.waitFor("document.getElementById('dock').getBoundingClientRect().width === 0", Browsing.READY);
        assertThat(box(page, "stage").path("width").asDouble()).as("the stage alone").isEqualTo(1366);
    }

    @Test
    void onAPhoneTheVideoSpansTheScreenAboveTheBasicControls() throws Exception {
        Page page = world.openViewer("/");
        page.viewport(390, 844);
        // Opened afresh on the narrow screen, as a phone opens it: panels closed. (A reload would lose the operator's
        // page: its token lives in the page's memory only, so it takes a new operator link.)
        page.navigate(world.host.operatorPage("").toString());
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats"
                + " && simcast.stats.framesDecoded > 10", Browsing.READY);

        assertThat(page.evaluate("simcast.workspace.shown()").size()).as("panels open on a phone").isZero();
        assertThat(page.evaluate("document.documentElement.scrollWidth").asInt()).as("page width").isEqualTo(390);
        JsonNode video = box(page, "video");
        assertThat(video.path("width").asDouble()).as("video width").isGreaterThan(390 * 0.9);
        assertThat(video.path("height").asDouble()).as("video height").isGreaterThan(200);
        for (String control : new String[] {"play", "step", "reset", "slower", "faster", "fullscreen"}) {
            JsonNode button = box(page, control);
            assertThat(button.path("width").asDouble()).as(control + " shown").isPositive();
            assertThat(button.path("x").asDouble() + button.path("width").asDouble()).as(control + " on screen")
                    .isLessThanOrEqualTo(390);
            assertThat(button.path("y").asDouble()).as(control + " under the video")
                    .isGreaterThanOrEqualTo(video.path("y").asDouble() + video.path("height").asDouble());
        }
    }

    @Test
    void theEventLogSaysWhenTheSceneChangesAndWhenSomeoneJoins() throws Exception {
        Page page = world.openWorkspace("log");
        try {
            world.host.post("/api/scene/preset/double-pendulum", null, "");
            page.waitFor(logHas("Scene “Double pendulum” (double-pendulum) is running now"), Browsing.READY);
        } finally {
            world.host.post("/api/scene/preset/pendulum", null, "");
        }
        world.openViewer("/");
        page.waitFor(logHas("Someone joined: 2 watching"), Browsing.READY);
    }

    private static String logHas(String line) {
        return "[...document.querySelectorAll('#panel-log li')].some((li) => li.textContent.endsWith('" + line
                + "'))";
    }

    /** The element's box in CSS pixels. */
    private static JsonNode box(Page page, String id) {
        return page.evaluate("(() => { const r = document.getElementById('" + id + "').getBoundingClientRect();"
                + " return { x: r.x, y: r.y, width: r.width, height: r.height }; })()");
    }
}
