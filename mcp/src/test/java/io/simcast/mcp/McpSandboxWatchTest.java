package io.simcast.mcp;

import static io.simcast.mcp.McpScenario.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.simcast.streaming.host.StreamingHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * People watch an agent's sandbox live: an MCP session over the host's {@code /mcp} opens a sandbox of a red wall
 * (the shared simulation shows the pendulum, with no red in it); a real viewer in headless Chromium finds it in the
 * page's Watch list by its name and watches it (red fills the video), a second one opens the viewer link the agent
 * made for it and starts there; when the MCP session ends, the entry leaves both pages' lists and both viewers are
 * back on the simulation. Host and browser inside the test's network namespace.
 */
@Tag("e2e")
class McpSandboxWatchTest {
    private static final String OPERATOR_TOKEN = "operator-token-for-mcp-watch-tests-0123456789";
    private static final Duration READY = Duration.ofSeconds(60);
    /** Cells of the page's 160x120 look at the video that are clearly red. */
    private static final String RED = "r > 150 && g < 80 && b < 80";
    /** McpScenario's red wall, with the free camera (what viewers see) close in front of it. */
    private static final String RED_WALL = McpScenario.RED_WALL.replace("<worldbody>",
            "<statistic center=\"0 1 0\" extent=\"1\"/>\n  <worldbody>");
    /** Fewer red cells than this: no red wall (the pendulum's bob is a little red). */
    private static final int NOT_RED = 160 * 120 / 20;
    private static McpTestHost world;
    private static StreamingHost host;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        world = McpTestHost.start(new McpHttp(), OPERATOR_TOKEN);
        host = world.host();
        browser = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        world.close();
    }

    @Test
    void aSandboxIsWatchedFromTheWatchListAndItsLinkAndLeavesWhenItsSessionEnds() throws Exception {
        Page operator = playing(browser.open(host.operatorPage().toString()));
        operator.evaluate("simcast.workspace.show('watch')");
        operator.waitFor("document.querySelector('#watch-list li[data-watch=\"simulation\"]')", READY);
        assertThat(redCells(operator)).as("the pendulum is hardly red").isLessThan(NOT_RED);

        String sandbox;
        Page linked;
        try (McpSyncClient agent = client()) {
            sandbox = call(agent, "open_sandbox", Map.of("mjcf", RED_WALL, "name", "Red wall trial"))
                    .path("sandbox").asText();
            String entry = "document.querySelector('#watch-list li[data-watch=\"sandbox:" + sandbox + "\"]')";
            operator.waitFor(entry + " && " + entry + ".textContent.includes('Red wall trial')", READY);
            operator.evaluate(entry + ".querySelector('button.watch').click(), true");
            operator.waitFor("simcast.watching.source === 'sandbox' && simcast.watching.id === '" + sandbox + "'",
                    READY);
            waitForRed(operator, true);
            assertThat(operator.evaluate("document.getElementById('watching').textContent").asText())
                    .isEqualTo("Watching Red wall trial");

            String link = call(agent, "make_viewer_link", Map.of("sandbox", sandbox)).path("url").asText();
            assertThat(link).contains("watch=" + sandbox);
            linked = playing(browser.open(link));
            linked.waitFor("simcast.watching.source === 'sandbox' && simcast.watching.id === '" + sandbox + "'",
                    READY);
            waitForRed(linked, true);
        } // the client's close ends its MCP session: the sandbox closes with it

        for (Page page : List.of(operator, linked)) {
            page.waitFor("simcast.watching.source === 'simulation'"
                    + " && !simcast.sandboxes.some((s) => s.id === '" + sandbox + "')", READY);
            waitForRed(page, false);
        }
        operator.waitFor("!document.querySelector('#watch-list li[data-watch=\"sandbox:" + sandbox + "\"]')", READY);
        assertThat(operator.evaluate("simcast.lines.map((l) => l.text).join('\\n')").asText())
                .contains("The sandbox you watched (Red wall trial) closed; back to the simulation");
        linked.close();
        operator.close();
    }

    private static McpSyncClient client() {
        return world.client(OPERATOR_TOKEN);
    }

    /** The page once its video plays. */
    private static Page playing(Page page) throws InterruptedException {
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats"
                + " && simcast.stats.framesDecoded > 10", READY);
        return page;
    }

    private static int redCells(Page page) {
        return page.evaluate("""
                (() => {
                  const canvas = document.createElement('canvas');
                  canvas.width = 160; canvas.height = 120;
                  const g = canvas.getContext('2d');
                  g.drawImage(document.getElementById('video'), 0, 0, 160, 120);
                  const data = g.getImageData(0, 0, 160, 120).data;
                  let count = 0;
                  for (let i = 0; i < data.length; i += 4) {
                    const r = data[i], g2 = data[i + 1], b = data[i + 2];
                    if (%s) count++;
                  }
                  return count;
                })()""".formatted(RED.replace("g <", "g2 <"))).asInt();
    }

    /** Waits until red fills most of the video ({@code red}), or almost none of it is red. */
    private static void waitForRed(Page page, boolean red) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            int cells = redCells(page);
            if (red ? cells > 160 * 120 / 2 : cells < NOT_RED) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(redCells(page)).as(red ? "red fills the video" : "no red left").isEqualTo(red ? 19_200 : 0);
    }
}
