package io.simcast.streaming.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.physics.Perturbation;
import io.simcast.sim.physics.SimCommand;
import io.simcast.streaming.Role;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.access.ShareLink;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a person sees in the page's first minutes (issue 20): the role named in a badge with the controls it may not
 * use hidden, "Paused" over a paused view, errors that can be dismissed and say what still runs, a phone's 44 px
 * touch targets with the stats folded away, and the stream shown at its own size rather than blurred by upscaling.
 * Host and browser inside the test's network namespace.
 */
@Tag("e2e")
class BrowserFirstMinutesTest {
    /** The controls a viewer may not use: the simulation's and the scene's. */
    private static final String VIEWER_FORBIDDEN = "['play', 'step', 'reset', 'slower', 'faster', 'speed', 'presets',"
            + " 'upload']";
    private static final String VISIBLE = "((el) => el.checkVisibility())";

    @RegisterExtension
    static final Browsing world = Browsing.pendulum();

    @Test
    void aViewersPageNamesItsRoleHidesTheControlsItMayNotUseAndSaysOnceWhatItCanDo() throws Exception {
        ShareLink link = world.host.host.links().create(Role.VIEWER, null, 0);
        Page page = world.open("/?token=" + link.token().orElseThrow());
        page.waitFor("simcast.state === 'connected' && simcast.role !== null", Browsing.READY);

        assertThat(page.evaluate("document.getElementById('role').textContent").asText()).isEqualTo("viewer");
        assertThat(page.evaluate(VISIBLE + "(document.getElementById('role'))").asBoolean()).isTrue();
        assertThat(page.evaluate(VIEWER_FORBIDDEN + ".filter((id) => " + VISIBLE + "(document.getElementById(id)))")
                .size()).as("a viewer's forbidden controls shown").isZero();
        assertThat(page.evaluate("['camera', 'reset-camera', 'fullscreen'].filter((id) => " + VISIBLE
                + "(document.getElementById(id)))").size()).as("its own camera's controls").isEqualTo(3);
        assertThat(page.evaluate("document.getElementById('message-text').textContent").asText())
                .isEqualTo("You are watching: drag to move your own camera, scroll to zoom. The host runs the scene.");

        page.evaluate("document.getElementById('message-close').click(), true");
        assertThat(page.evaluate("document.getElementById('message').hidden").asBoolean()).as("dismissed").isTrue();
    }

    @Test
    void theOperatorsPageNamesItsRoleAndShowsPausedOverAPausedView() throws Exception {
        Page page = world.openViewer("/");
        assertThat(page.evaluate("document.getElementById('role').textContent").asText()).isEqualTo("operator");
        assertThat(page.evaluate(VIEWER_FORBIDDEN + ".filter((id) => !" + VISIBLE + "(document.getElementById(id))"
                + " && id !== 'upload')").size()).as("an operator's controls hidden").isZero();
        assertThat(page.evaluate(VISIBLE + "(document.getElementById('paused'))").asBoolean()).isFalse();
        try {
            page.evaluate("document.getElementById('play').click(), true");
            page.waitFor(VISIBLE + "(document.getElementById('paused'))", Browsing.READY);
            assertThat(page.evaluate("document.getElementById('paused').textContent").asText()).isEqualTo("Paused");
        } finally {
            world.host.simulation.submit(new SimCommand.Play()).get(1, TimeUnit.MINUTES);
        }
        page.waitFor("!" + VISIBLE + "(document.getElementById('paused'))", Browsing.READY);
    }

    @Test
    void theSelectedBodyIsNamedInTheView() throws Exception {
        Page page = world.openViewer("/");
        page.waitFor("simcast.state === 'connected'", Browsing.READY);
        assertThat(page.evaluate(VISIBLE + "(document.getElementById('selected'))").asBoolean()).isFalse();
        try {
            world.host.simulation.submit(new SimCommand.Perturb(Perturbation.select(1, new double[3])))
                    .get(1, TimeUnit.MINUTES);
            page.waitFor(VISIBLE + "(document.getElementById('selected'))", Browsing.READY);
            assertThat(page.evaluate("document.getElementById('selected').textContent").asText())
                    .isEqualTo("Selected: pendulum");
        } finally {
            world.host.simulation.submit(new SimCommand.Perturb(Perturbation.NONE)).get(1, TimeUnit.MINUTES);
        }
        page.waitFor("!" + VISIBLE + "(document.getElementById('selected'))", Browsing.READY);
    }

    @Test
    void aRefusedUploadSaysTheLoadedSceneStaysAndEscDismissesIt() throws Exception {
        Page page = world.openViewer("/");
        page.evaluate("(() => { const input = document.getElementById('upload'); const files = new DataTransfer();"
                + " files.items.add(new File(['<mujoco><worldbody><geom type=\"nonsense\"/></worldbody></mujoco>'],"
                + " 'bad.xml', {type: 'text/xml'})); input.files = files.files;"
                + " input.dispatchEvent(new Event('change')); return true; })()");
        page.waitFor("!document.getElementById('message').hidden", Browsing.READY);
        assertThat(page.evaluate("document.getElementById('message-text').textContent").asText())
                .endsWith("The scene already loaded stays as it was.");

        page.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'})), true");
        assertThat(page.evaluate("document.getElementById('message').hidden").asBoolean()).isTrue();
    }

    @Test
    void onAPhoneEveryButtonIsAtLeast44PixelsTallAndTheStatsStartFolded() throws Exception {
        Page page = world.openViewer("/");
        page.viewport(390, 844);
        page.navigate(world.host.operatorPage("").toString());
        page.waitFor("window.simcast && simcast.state === 'connected'", Browsing.READY);

        JsonNode small = page.evaluate("[...document.querySelectorAll('button, select, label.upload')]"
                + ".filter((el) => el.checkVisibility() && el.getBoundingClientRect().height < 44)"
                + ".map((el) => el.id || el.textContent)");
        assertThat(small.size()).as("buttons under 44 px: " + small).isZero();
        assertThat(page.evaluate(VISIBLE + "(document.getElementById('overlay'))").asBoolean()).as("stats").isFalse();
        page.evaluate("document.getElementById('stats-toggle').click(), true");
        assertThat(page.evaluate(VISIBLE + "(document.getElementById('overlay'))").asBoolean()).isTrue();
    }

    @Test
    void theStreamIsShownAtItsOwnSizeNotUpscaled() throws Exception {
        Page page = world.openViewer("/");
        page.viewport(1920, 1080);
        JsonNode shown = page.evaluate("(() => { const v = document.getElementById('video');"
                + " const r = v.getBoundingClientRect(); return { fit: getComputedStyle(v).objectFit,"
                + " boxWidth: r.width, width: v.videoWidth }; })()");
        assertThat(shown.path("boxWidth").asDouble()).as("the box is wider than the stream")
                .isGreaterThan(shown.path("width").asDouble());
        assertThat(shown.path("fit").asText()).as("drawn at most at its own size").isEqualTo("scale-down");
    }

    /** The host goes away and comes back on the same address: the page says so over the video, then plays again. */
    @Test
    void aLostConnectionIsShownOverTheVideoWithTheStatsBlankedUntilTheHostReturns() throws Exception {
        int port;
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            Page page;
            try (TestHost first = TestHost.start("pendulum")) {
                port = first.uri("/").getPort();
                // The operator token itself, not a one-time link: the host that comes back knows it too.
                page = browser.open(first.uri("/?token=" + TestHost.OPERATOR_TOKEN).toString());
                page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats"
                        + " && simcast.stats.framesDecoded > 10", Browsing.READY);
                page.waitFor("document.getElementById('stat-fps').textContent !== '–'", Browsing.READY);
            }
            page.waitFor("!document.getElementById('lost').hidden", Browsing.READY);
            assertThat(page.evaluate("document.getElementById('lost').textContent").asText())
                    .matches("Connection lost, reconnecting in \\d+ s");
            assertThat(page.evaluate("['fps', 'latency', 'bitrate', 'codec', 'rtf', 'viewers'].map((s) =>"
                    + " document.getElementById('stat-' + s).textContent).join('')").asText()).isEqualTo("––––––");

            try (TestHost second = TestHost.startOn("pendulum", port)) {
                page.waitFor("simcast.state === 'connected' && document.getElementById('lost').hidden",
                        Browsing.READY);
            }
        }
    }
}
