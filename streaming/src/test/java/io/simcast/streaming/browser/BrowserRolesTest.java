package io.simcast.streaming.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.Role;
import io.simcast.streaming.access.ShareLink;
import io.simcast.streaming.http.Json;
import io.simcast.testkit.HeadlessChromium.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each role's page, opened from a share link in headless Chromium: a viewer's shows none of the workspace's panels
 * but simulate's read-only ones and every call behind them is refused with 403 from the page itself; a controller's
 * shows what its routes allow (generation, RL, simulate's Control) and not the operator's (the editor, the keys).
 */
@Tag("e2e")
class BrowserRolesTest {
    private static final Duration READY = Browsing.READY;
    /** The calls behind the operator's and controller's panels: method, path, body. */
    private static final List<List<String>> PANEL_CALLS = List.of(
            List.of("POST", "/api/scene/load", "{\"xml\": \"<mujoco/>\"}"),
            List.of("GET", "/api/scene/schema", ""),
            List.of("GET", "/api/config/api-key", ""),
            List.of("POST", "/api/config/api-key", "{\"provider\": \"openai\", \"api_key\": \"sk-x\"}"),
            List.of("POST", "/api/config/api-key/test", "{\"provider\": \"openai\"}"),
            List.of("DELETE", "/api/config/api-key/openai", ""),
            List.of("POST", "/api/scene/generate", "{\"prompt\": \"a ball\"}"),
            List.of("DELETE", "/api/scene/generate", ""),
            List.of("POST", "/api/rl/create", "{\"robot\": \"cartpole\", \"task\": \"balance\"}"),
            List.of("GET", "/api/rl/script?robot=cartpole&task=balance", ""),
            List.of("DELETE", "/api/rl/rl-1", ""));
    @RegisterExtension
    static final Browsing world = Browsing.pendulum();

    @Test
    void aViewerLinksPageShowsNoneOfThePanelsAndItsDirectCallsAreRefused() throws Exception {
        ShareLink link = world.host.host.links().create(Role.VIEWER, null, 0);
        Page page = open(link);

        assertThat(page.evaluate("simcast.workspace.panels()").toString())
                .as("only what watching needs: the Watch list, simulate's read-only panels, the log and the help")
                .isEqualTo("[\"watch\",\"joints\",\"keyframes\",\"sensors\",\"profiler\",\"info\",\"rendering\","
                        + "\"log\",\"help\"]");
        assertThat(page.evaluate("['editor', 'generate', 'keys', 'rl'].filter(id =>"
                + " document.getElementById('panel-' + id) || document.getElementById('toggle-' + id))").size())
                .isZero();
        assertThat(page.evaluate("['play', 'step', 'reset', 'presets', 'upload'].map(id =>"
                + " document.getElementById(id).disabled)").toString()).doesNotContain("false");
        assertThat(page.evaluate("document.getElementById('camera').disabled").asBoolean()).isFalse();
        assertThat(statuses(page, link, PANEL_CALLS)).as("every call behind the panels").containsOnly(403);
        assertThat(page.evaluate("fetch('/api/scene/schema', {headers: {Authorization: 'Bearer " + link.token().orElseThrow()
                + "'}}).then(r => r.json()).then(j => j.reason)").asText()).isEqualTo("forbidden");
    }

    @Test
    void aControllerLinksPageShowsGenerationAndRlButNotTheOperatorsEditorOrKeys() throws Exception {
        ShareLink link = world.host.host.links().create(Role.CONTROLLER, null, 0);
        Page page = open(link);

        assertThat(page.evaluate("simcast.workspace.panels()").toString())
                .isEqualTo("[\"generate\",\"watch\",\"rl\",\"control\",\"joints\",\"keyframes\",\"sensors\","
                        + "\"profiler\",\"info\",\"rendering\",\"log\",\"help\"]");
        assertThat(statuses(page, link, PANEL_CALLS.subList(0, 6))).as("the operator's calls").containsOnly(403);

        page.evaluate("simcast.workspace.show('generate')");
        page.evaluate("(() => { document.getElementById('generate-prompt').value = 'a ball';"
                + " document.getElementById('generate-start').click(); return true; })()");
        page.waitFor("!document.getElementById('generate-notice').hidden", READY);
        assertThat(page.evaluate("document.getElementById('generate-notice').textContent").asText())
                .isEqualTo("No language model is set up yet, so no scene can be generated. Ask the operator to"
                        + " add an API key: the API Keys panel of the operator’s page, or `simcast llm set` on the"
                        + " host.");
    }

    @Test
    void aControllersRlPanelOffersCloseOnlyForTheEnvironmentsItsLinkOpened() throws Exception {
        String operators = Json.parse(world.host.post("/api/rl/create", "application/json",
                "{\"robot\": \"cartpole\", \"task\": \"balance\"}").body()).path("id").asText();
        try {
            Page page = open(world.host.host.links().create(Role.CONTROLLER, null, 0));
            page.evaluate("simcast.workspace.show('rl')");
            page.waitFor(row(operators) + "?.querySelector('.owner').textContent === 'the operator’s'", READY);
            assertThat(page.evaluate(row(operators) + ".querySelector('button.close').hidden").asBoolean()).isTrue();

            page.waitFor("document.getElementById('rl-create')", READY);
            page.evaluate("document.getElementById('rl-create').click(), true");
            page.waitFor("simcast.environments.length === 2", READY);
            String own = page.evaluate("simcast.environments.find((e) => e.id !== '" + operators + "').id").asText();
            page.waitFor(row(own) + "?.querySelector('button.close').hidden === false", READY);
            page.evaluate(row(own) + ".querySelector('button.close').click(), true");
            page.waitFor("simcast.environments.length === 1", READY);
        } finally {
            world.host.delete("/api/rl/" + operators);
        }
    }

    /** The RL panel's row of environment {@code id}, as a JavaScript expression. */
    private static String row(String id) {
        return "document.querySelector('#rl-environments li[data-env=\"" + id + "\"]')";
    }

    private static Page open(ShareLink link) throws InterruptedException {
        Page page = world.open("/?token=" + link.token().orElseThrow());
        page.waitFor("simcast.state === 'connected' && simcast.role !== null", READY);
        return page;
    }

    /** The statuses the host answers the page's own fetches of {@code calls}, made with the link's token. */
    private static List<Integer> statuses(Page page, ShareLink link, List<List<String>> calls) {
        String script = "Promise.all(" + Json.write(calls) + ".map(([method, path, body]) => fetch(path, {method,"
                + " headers: {Authorization: 'Bearer " + link.token().orElseThrow() + "', 'Content-Type': 'application/json'},"
                + " body: body || undefined}).then(r => r.status)))";
        List<Integer> statuses = new ArrayList<>();
        page.evaluate(script).forEach(status -> statuses.add(status.asInt()));
        return statuses;
    }
}
