package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static io.simcast.streaming.browser.PagePictures.cells;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium.Page;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * simulate's Rendering switches are each viewer's own: on a box resting on the floor, turning on contact points in
 * one page brings its contacts into the video that page receives, and the other page's video stays without them.
 */
@Tag("e2e")
class BrowserRenderingTest {
    private static final Duration READY = Browsing.READY;
    /** A box resting on the floor; its contacts drawn as wide magenta discs (nothing else in it is magenta). */
    private static final String RESTING_BOX = """
            <mujoco>
              <visual><scale contactwidth="0.35" contactheight="0.05"/><rgba contactpoint="1 0 1 1"/></visual>
              <worldbody>
                <light pos="0 0 3"/>
                <geom type="plane" size="2 2 0.1" rgba="0.5 0.5 0.5 1"/>
                <body pos="0 0 0.1"><freejoint/><geom type="box" size="0.1 0.1 0.1" rgba="0.2 0.4 0.9 1"/></body>
              </worldbody>
            </mujoco>""";
    /** Clearly magenta: the contact discs. */
    private static final String MAGENTA = "r > 170 && b > 170 && g < 110";
    @RegisterExtension
    static final Browsing world = Browsing.pendulum();

    @Test
    void contactPointsTurnedOnInOnePageChangeOnlyThatPagesPicture() throws Exception {
        assertThat(world.host.post("/api/scene/load", "application/xml", RESTING_BOX).statusCode()).isEqualTo(200);
        Page switching = watching();
        Page other = watching();
        assertThat(cells(switching, MAGENTA)).as("no contacts drawn at first").isZero();

        BrowserPanelsTest.show(switching, "rendering");
        switching.waitFor("document.getElementById('visual-contact_points')", READY);
        switching.evaluate("document.getElementById('visual-contact_points').click(), true");

        waitFor(() -> cells(switching, MAGENTA) > 20, READY.toMillis());
        // Frames the other page decoded after that: had the switch reached its view, they would show the contacts.
        long decoded = other.evaluate("simcast.stats.framesDecoded").asLong();
        other.waitFor("simcast.stats.framesDecoded > " + (decoded + 30), READY);
        assertThat(cells(other, MAGENTA)).as("the other page's picture").isZero();
    }

    /** An operator page with its own camera whose video is arriving. */
    private static Page watching() throws InterruptedException {
        Page page = world.open("/");
        page.waitFor("simcast.state === 'connected' && simcast.stats && simcast.stats.framesDecoded > 10"
                + " && simcast.visual !== null", READY);
        return page;
    }
}
