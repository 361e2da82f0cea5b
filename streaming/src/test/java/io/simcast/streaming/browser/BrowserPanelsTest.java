package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.streaming.Role;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.access.ShareLink;
import io.simcast.streaming.input.Help;
import io.simcast.streaming.input.KeyAction;
import io.simcast.testkit.HeadlessChromium.Page;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * simulate's panels in the page, on the Panda in headless Chromium: a control slider dragged in one page drives the
 * first joint in the host's state and moves in another page too; a keyframe loaded from the page gives exactly its
 * qpos; a viewer link's page has no control sliders, its joint sliders are disabled, and its commands are refused;
 * F3 shows the profiler, and MuJoCo's timers run only while it is shown; F1 shows the help listing the host's key
 * table, and F1 or Esc hides it.
 */
@Tag("e2e")
class BrowserPanelsTest {
    private static final Duration READY = Browsing.READY;
    /** The Panda's "home" keyframe (key 0). */
    private static final double[] HOME = {0, -0.785, 0, -2.356, 0, 1.571, 0.785, 0.04, 0.04};
    @RegisterExtension
    static final Browsing world = Browsing.of(() -> TestHost.start("panda"));

    @AfterEach
    void playAgainWithoutControls() throws Exception {
        submit(new SimCommand.ClearControls());
        submit(new SimCommand.Play());
    }

    @Test
    void aControlSliderInThePageMovesThePandasFirstJointAndEveryOtherPageSeesIt() throws Exception {
        Page driver = world.open("/");
        Page watcher = world.open("/?token=" + world.host.host.links().create(Role.CONTROLLER, null, 0)
                .token().orElseThrow());
        for (Page page : new Page[] {driver, watcher}) {
            show(page, "control");
            page.waitFor("document.getElementById('control-0')", READY);
        }
        double before = snapshot().qpos()[0];
        double target = drag(driver, "control-0", before > 0 ? before - 1.5 : before + 1.5);

        waitFor(() -> snapshot().ctrl()[0] == target, READY.toMillis());
        waitFor(() -> Math.abs(snapshot().qpos()[0] - before) > 0.5, READY.toMillis());
        watcher.waitFor("Math.abs(document.getElementById('control-0').value - " + target + ") < 1e-6", READY);
    }

    @Test
    void loadingAKeyframeFromThePageGivesExactlyItsQpos() throws Exception {
        submit(new SimCommand.Pause());
        submit(new SimCommand.SetPositions(new int[] {0, 1}, new double[] {0.4, -0.3}));
        Page page = world.open("/");
        show(page, "keyframes");
        page.waitFor("document.getElementById('key-select')?.options[0]?.textContent === 'home'", READY);

        page.evaluate("document.getElementById('key-select').value = '0', document.getElementById('key-load').click(),"
                + " true");

        waitFor(() -> snapshot().qpos()[0] == HOME[0]
                && snapshot().qpos()[1] == HOME[1], READY.toMillis());
        assertThat(snapshot().qpos()).startsWith(HOME);
        page.evaluate("document.getElementById('key-copy').click(), true");
        page.waitFor("document.getElementById('key-mjcf').value.startsWith('<key time=')", READY);
        assertThat(page.evaluate("document.getElementById('key-mjcf').value").asText())
                .contains(" qpos=\"0.0 -0.785 0.0 -2.356 0.0 1.571 0.785 0.04 0.04");
    }

    @Test
    void aViewerLinksPageCannotMoveASlider() throws Exception {
        ShareLink link = world.host.host.links().create(Role.VIEWER, null, 0);
        Page page = world.open("/?token=" + link.token().orElseThrow());
        page.waitFor("simcast.role === 'viewer' && simcast.panel !== null", READY);
        submit(new SimCommand.Pause());

        assertThat(page.evaluate("simcast.workspace.panels()").toString()).doesNotContain("control");
        assertThat(page.evaluate("document.getElementById('control-0')").isNull()).isTrue();
        show(page, "joints");
        page.waitFor("document.getElementById('joints-note')?.textContent.startsWith('Watching')", READY);
        assertThat(page.evaluate("[...document.querySelectorAll('#joint-sliders input')].every((s) => s.disabled)")
                .asBoolean()).isTrue();

        page.evaluate("simcast.send({type: 'command', cmd: 'control', params: {actuator: 0, value: 1.0}}), true");
        page.waitFor("simcast.errors.some((e) => e.code === 'forbidden')", READY);
        assertThat(page.evaluate("fetch('/api/sim/command', {method: 'POST', headers: {Authorization: 'Bearer "
                + link.token().orElseThrow() + "', 'Content-Type': 'application/json'}, body: JSON.stringify({cmd:"
                + " 'control', params: {actuator: 0, value: 1.0}})}).then((r) => r.status)").asInt()).isEqualTo(403);
        assertThat(snapshot().ctrl()[0]).isZero();
    }

    @Test
    void f3ShowsTheProfilerWhoseTimersRunOnlyWhileAPageShowsIt() throws Exception {
        submit(new SimCommand.Play());
        Page page = world.open("/?token=" + world.host.host.links().create(Role.VIEWER, null, 0).token()
                .orElseThrow());
        page.waitFor("simcast.keys.F3 === 'profiler' && simcast.workspace.panels().includes('profiler')", READY);
        waitFor(() -> !snapshot().timers().on(), READY.toMillis()); // no page shows a profiler yet
        page.evaluate("document.getElementById('stage').focus(), true");

        page.press("F3", "F3");
        page.waitFor("simcast.workspace.shown().includes('profiler')", READY);
        waitFor(() -> snapshot().timers().on() && snapshot().timers().step() > 0, READY.toMillis());
        page.waitFor("document.getElementById('profiler-step')?.textContent.endsWith(' ms')"
                + " && simcast.profilerChart?.data[0].length >= 3", READY);
        assertThat(page.evaluate("simcast.profilerChart.data[1].every((ms) => ms > 0)").asBoolean())
                .as("the total time per step, charted").isTrue();
        assertThat(page.evaluate("document.getElementById('profiler-render').textContent").asText())
                .endsWith("frames/s)");

        page.press("F3", "F3");
        page.waitFor("!simcast.workspace.shown().includes('profiler')", READY);
        waitFor(() -> !snapshot().timers().on(), READY.toMillis());
        boolean infoShown = page.evaluate("simcast.workspace.shown().includes('info')").asBoolean();
        page.press("F2", "F2");
        page.waitFor("simcast.workspace.shown().includes('info') === " + !infoShown, READY);
    }

    @Test
    void f1ShowsTheHelpWithEveryKeyOfTheHostsTableAndF1OrEscHidesIt() throws Exception {
        Page page = world.open("/?token=" + world.host.host.links().create(Role.VIEWER, null, 0).token()
                .orElseThrow());
        page.waitFor("simcast.keys.F1 === 'help' && simcast.workspace.panels().includes('help')", READY);
        page.evaluate("document.getElementById('stage').focus(), true");

        page.press("F1", "F1");
        page.waitFor("simcast.workspace.shown().includes('help')"
                + " && document.querySelectorAll('#help-keys tbody tr').length > 0", READY);
        String shown = page.evaluate("[...document.querySelectorAll('#help-keys tbody tr')]"
                + ".map((row) => row.cells[0].textContent + ': ' + row.cells[1].textContent).join('\\n')").asText();
        assertThat(shown.lines().toList()).as("the page lists the host's key table, in its order")
                .containsExactlyElementsOf(Help.of().keys().stream().map(line -> line.input() + ": " + line.does())
                        .toList())
                .contains("Space: " + KeyAction.TOGGLE_PLAY.does(), "Right arrow: " + KeyAction.STEP.does());
        assertThat(page.evaluate("document.querySelectorAll('#help-mouse tbody tr').length").asInt())
                .as("and the mouse gestures").isEqualTo(Help.of().mouse().size());

        page.press("Escape", "Escape");
        page.waitFor("!simcast.workspace.shown().includes('help')", READY);
        page.press("F1", "F1");
        page.waitFor("simcast.workspace.shown().includes('help')", READY);
        page.press("F1", "F1");
        page.waitFor("!simcast.workspace.shown().includes('help')", READY);
    }

    /** Shows panel {@code id} once the page's role has added it (after the welcome). */
    static void show(Page page, String id) throws InterruptedException {
        page.waitFor("simcast.workspace.panels().includes('" + id + "')", READY);
        page.evaluate("simcast.workspace.show('" + id + "')");
    }

    /**
     * Moves the page's slider {@code id} to {@code value} as a person's drag does (input, then change); returns where
     * it stopped (the slider's step).
     */
    static double drag(Page page, String id, double value) {
        return page.evaluate("(() => { const s = document.getElementById('" + id + "'); s.value = " + value + ";"
                + " s.dispatchEvent(new Event('input', {bubbles: true}));"
                + " s.dispatchEvent(new Event('change', {bubbles: true})); return Number(s.value); })()").asDouble();
    }

    private static SimulationSnapshot snapshot() {
        return world.host.simulation.snapshot();
    }

    private static SimulationSnapshot submit(SimCommand command) throws Exception {
        return world.host.simulation.submit(command).get(1, TimeUnit.MINUTES);
    }
}
