package io.simcast.streaming.browser;

import static io.simcast.streaming.browser.PagePictures.MIDDLE_RGB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.testkit.HeadlessChromium.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the page shows of the view's state and how it takes fingers (issue 20, points 2, 5 and 7): a double-clicked
 * body is highlighted in the picture and named, a new camera is named, a phone's one-finger drag orbits and a pinch
 * zooms the viewer's own camera (as the host reports it), and nothing is cut off on a laptop's screen. Host and
 * browser inside the test's network namespace.
 */
@Tag("e2e")
class BrowserViewStateTest {
    /** One blue box, not lit by itself, filling the middle of the default camera's picture. */
    private static final String ONE_BOX = """
            <mujoco model="one-box">
              <worldbody>
                <light pos="0 -1 3" dir="0 0.3 -1" directional="true"/>
                <body name="box" pos="0 0 0.5"><geom type="box" size="0.4 0.4 0.4" rgba="0.2 0.2 0.55 1"/></body>
              </worldbody>
            </mujoco>
            """;
    /** Mean grey of the picture's middle. */
    private static final String MIDDLE_GREY = "(" + MIDDLE_RGB + ").reduce((a, b) => a + b) / 3";
    /** Whether the video arrives at the size the page shows it (device pixels, even). */
    private static final String SHOWN_AT_ITS_SIZE = "(() => { const v = document.getElementById('video');"
            + " const r = v.getBoundingClientRect(); const even = (n) => 2 * Math.floor(n * devicePixelRatio / 2);"
            + " return v.videoWidth === even(r.width) && v.videoHeight === even(r.height); })()";
    /** The middle of the video element (where the picture's middle is, whatever its fit). */
    private static final String VIDEO_MIDDLE = "(() => { const r = document.getElementById('video')"
            + ".getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()";
    /**
     * Visible controls, bars and panel headers whose text does not fit: wider content than box, an ellipsis, or
     * reaching past the window's right edge. Each as its id, or its text.
     */
    private static final String CUT_OFF = """
            [...document.querySelectorAll('body > header, body > header *, #controls, #controls *, .panel > header,'
                + ' .panel > header *, .panel-body button, .panel-body select, .panel-body label')]
              .filter((el) => el.checkVisibility())
              .filter((el) => el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis'
                || el.getBoundingClientRect().right > window.innerWidth + 1)
              .map((el) => `${el.tagName.toLowerCase()}#${el.id}: ${el.textContent.trim().slice(0, 40)}`
                + ` (${el.scrollWidth} > ${el.clientWidth})`)""";

    @RegisterExtension
    static final Browsing world = Browsing.pendulum();

    @Test
    void aDoubleClickedBodyIsHighlightedInThePictureAndNamed() throws Exception {
        Page page = world.openViewer("/");
        try {
            assertThat(world.host.post("/api/scene/load", "application/xml", ONE_BOX).statusCode()).isEqualTo(200);
            page.waitFor("((rgb) => rgb[2] > rgb[0] + 40)(" + MIDDLE_RGB + ")", Browsing.READY); // the box is there
            double plain = steadyGrey(page);

            JsonNode middle = page.evaluate(VIDEO_MIDDLE);
            page.doubleClick(middle.path("x").asDouble(), middle.path("y").asDouble());

            page.waitFor("document.getElementById('selected').checkVisibility()", Browsing.READY);
            assertThat(page.evaluate("document.getElementById('selected').textContent").asText())
                    .isEqualTo("Selected: box");
            page.waitFor(MIDDLE_GREY + " > " + (plain + 12), Browsing.READY); // MuJoCo's glow on the selected body
        } finally {
            world.host.post("/api/scene/preset/pendulum", null, "");
        }
    }

    @Test
    void aNewCameraIsNamedInTheViewByTheListAndByTheKeys() throws Exception {
        Page page = world.openViewer("/");
        assertThat(page.evaluate("document.getElementById('camera-name').checkVisibility()").asBoolean()).isFalse();

        page.evaluate("(() => { const list = document.getElementById('camera'); list.value = '0';"
                + " list.dispatchEvent(new Event('change')); return true; })()");
        page.waitFor("document.getElementById('camera-name').textContent === 'Camera: overview'"
                + " && document.getElementById('camera-name').checkVisibility()", Browsing.READY);

        page.evaluate("document.getElementById('stage').focus(), true");
        page.press("BracketRight", "]");
        page.waitFor("document.getElementById('camera-name').textContent === 'Camera: side'", Browsing.READY);
        assertThat(page.evaluate("document.getElementById('camera').value").asText()).as("the list follows")
                .isEqualTo("1");

        page.press("Escape", "Escape");
        page.waitFor("document.getElementById('camera-name').textContent === 'Free camera'", Browsing.READY);
        assertThat(page.evaluate("document.getElementById('camera').value").asText()).isEmpty();
    }

    @Test
    void onAPhoneOneFingerOrbitsAndTwoFingersPinchToZoomTheViewersOwnCamera() throws Exception {
        Page page = world.openViewer("/");
        page.touchScreen(390, 844);
        page.waitFor("navigator.maxTouchPoints > 0", Browsing.READY);
        page.evaluate("document.getElementById('reset-camera').click(), true"); // the host says where it starts
        page.waitFor("simcast.camera !== null", Browsing.READY);
        JsonNode start = page.evaluate("simcast.camera");
        JsonNode middle = page.evaluate(VIDEO_MIDDLE);
        double x = middle.path("x").asDouble();
        double y = middle.path("y").asDouble();

        page.swipe(x - 120, y - 40, x + 120, y + 40, 12);
        page.waitFor("simcast.camera.azimuth !== " + start.path("azimuth").asDouble()
                + " && simcast.camera.elevation !== " + start.path("elevation").asDouble(), Browsing.READY);
        double distance = page.evaluate("simcast.camera.distance").asDouble();
        assertThat(distance).as("one finger does not zoom").isEqualTo(start.path("distance").asDouble());

        page.pinch(x, y, 60, 260, 10); // fingers apart: closer
        page.waitFor("simcast.camera.distance < " + distance, Browsing.READY);
        double closer = page.evaluate("simcast.camera.distance").asDouble();
        page.pinch(x, y, 260, 60, 10); // together: farther
        page.waitFor("simcast.camera.distance > " + closer, Browsing.READY);
    }

    @Test
    void aViewersOwnViewFollowsThePagesSizeThroughAResizeAndTheSharedViewKeepsTheHosts() throws Exception {
        Page watcher = world.openViewer("/"); // never steers: watches the shared view
        Page page = world.openViewer("/");
        page.viewport(420, 760);
        page.evaluate("document.getElementById('reset-camera').click(), true"); // a view of its own
        page.waitFor("simcast.camera !== null", Browsing.READY);
        page.waitFor(SHOWN_AT_ITS_SIZE, Browsing.READY);
        int narrow = page.evaluate("document.getElementById('video').videoWidth").asInt();
        assertThat(narrow).as("the stream's own 640 pixels would be shown smaller").isLessThan(640);

        // The window made narrower later, on a screen of 1.5 device pixels per CSS pixel: the box's device
        // pixels are fractional, and a picture a fraction larger than its box would be scaled down (blurred).
        page.viewport(339, 760, 1.5);
        page.waitFor(SHOWN_AT_ITS_SIZE, Browsing.READY);
        assertThat(page.evaluate("document.getElementById('video').videoWidth").asInt()).isNotEqualTo(narrow);
        assertThat(watcher.evaluate("document.getElementById('video').videoWidth").asInt()).as("the shared view")
                .isEqualTo(640);

        page.evaluate("(() => { const follow = document.getElementById('follow'); follow.checked = true;"
                + " follow.dispatchEvent(new Event('change')); return true; })()"); // back to the host's view
        page.waitFor("document.getElementById('video').videoWidth === 640"
                + " && document.getElementById('video').videoHeight === 480", Browsing.READY);
    }

    @Test
    void onAWidePageTheOwnViewFollowsTheStageWhenAPanelOpensBesideIt() throws Exception {
        Page page = world.openViewer("/");
        page.viewport(960, 520); // the dock beside the video, which is not higher than the host's 480 pixels
        JsonNode shown = page.evaluate("simcast.workspace.shown()");
        try {
            page.evaluate("simcast.workspace.shown().forEach((id) => simcast.workspace.hide(id)), true");
            page.evaluate("document.getElementById('reset-camera').click(), true"); // a view of its own
            page.waitFor("simcast.camera !== null", Browsing.READY);
            // Wider than the host's 640 x 480: the host's width, in the stage's flatter shape.
            page.waitFor("document.getElementById('video').videoWidth === 640"
                    + " && document.getElementById('video').videoHeight < 480", Browsing.READY);

            page.evaluate("simcast.workspace.show('log').then(() => true)"); // the dock takes a third of the width
            page.waitFor(SHOWN_AT_ITS_SIZE, Browsing.READY);
            assertThat(page.evaluate("document.getElementById('video').videoWidth").asInt()).isLessThan(640);
        } finally { // the page remembers which panels were open: the next page opens them again
            page.evaluate("Promise.all(" + shown + ".map((id) => simcast.workspace.show(id))).then(() => true)");
        }
    }

    @Test
    void atALaptopsSizeNoControlOrPanelHeaderIsCutOff() throws Exception {
        Page page = world.openViewer("/");
        page.viewport(1280, 720);
        page.evaluate("Promise.all(simcast.workspace.panels().map((id) => simcast.workspace.show(id)))"
                + ".then(() => true)");
        page.waitFor("simcast.workspace.shown().length === simcast.workspace.panels().length", Browsing.READY);

        JsonNode cut = page.evaluate(CUT_OFF);
        assertThat(cut.size()).as("cut off at 1280x720: " + cut).isZero();
    }

    /** The middle's grey once two looks half a second apart agree (the new scene's picture has arrived). */
    private static double steadyGrey(Page page) throws InterruptedException {
        double last = -100;
        for (int i = 0; i < 120; i++) {
            Thread.sleep(500);
            double now = page.evaluate(MIDDLE_GREY).asDouble();
            if (Math.abs(now - last) < 1) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the picture did not hold still within a minute");
    }
}
