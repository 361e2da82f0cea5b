package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static io.simcast.streaming.browser.PagePictures.cells;
import static io.simcast.streaming.browser.PagePictures.changedCells;
import static io.simcast.streaming.browser.PagePictures.difference;
import static io.simcast.streaming.browser.PagePictures.picture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.http.Json;
import io.simcast.testkit.HeadlessChromium.Page;
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
 * The page's scene editor as the operator uses it, in headless Chromium against a real host (the operator's page,
 * from an operator link): CodeMirror on the running scene, Apply with Ctrl+Enter changing what every viewer sees,
 * MuJoCo's refusal marked on its line while the old scene keeps streaming, unsaved text surviving a real reload and
 * never replaced behind the operator's back, keys typed into the editor never reaching the simulation, and the
 * model's cameras.
 */
@Tag("e2e")
class BrowserEditorTest {
    private static final Duration READY = Browsing.READY;
    /** The pendulum preset's bob, before and after the edit. */
    private static final String BOB = "0.85 0.25 0.15 1";
    private static final String GREEN_BOB = "0.1 0.9 0.1 1";
    private static final String GREEN = "g > 150 && r < 110 && b < 110";
    private static final String RED = "r > 150 && g < 110 && b < 110";
    @RegisterExtension
    static final Browsing world = Browsing.pendulum();
    private static TestHost host;
    private static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        host = world.host;
        downloads = Files.createTempDirectory("simcast-downloads");
        world.browser.downloadTo(downloads);
    }

    @AfterEach
    void forgetDraftsAndPutThePendulumBack() throws Exception {
        world.closeTabs(); // before the scene changes under an open editor
        host.post("/api/scene/preset/pendulum", null, "");
        host.post("/api/sim/command", "application/json", "{\"cmd\": \"play\"}");
    }

    @Test
    void greeningTheBobAndPressingCtrlEnterChangesThePictureEveryViewerGets() throws Exception {
        Page page = openEditor();
        Page other = openViewer();
        long generation = page.evaluate("simcast.scene.generation").asLong();
        waitFor(() -> cells(other, RED) > 5, 30_000);
        assertThat(cells(other, GREEN)).as("no green bob yet").isZero();

        page.evaluate(replace(BOB, GREEN_BOB));
        page.evaluate("simcast.editor.view.focus(), true");
        page.press("Enter", "Enter", 2);

        page.waitFor("!document.getElementById('editor-status').textContent.startsWith('Compiling')", READY);
        assertThat(page.evaluate("document.getElementById('editor-status').textContent").asText())
                .isEqualTo("Applied: “Custom scene” is running for everybody");
        page.waitFor("simcast.scene.generation > " + generation, READY);
        waitFor(() -> cells(other, GREEN) > 5, 30_000);
        assertThat(cells(other, RED)).as("the red bob is gone").isLessThan(cells(other, GREEN));
        assertThat(current().path("xml").asText()).contains(GREEN_BOB);
        assertThat(page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('simcast.draft.')).length")
                .asInt()).as("nothing unsaved to keep").isZero();
    }

    @Test
    void aBrokenAttributeIsMarkedOnMuJoCosLineWhileTheOldSceneKeepsStreaming() throws Exception {
        Page page = openEditor();
        String text = page.evaluate("simcast.editor.text()").asText();
        int line = (int) text.substring(0, text.indexOf("<material name=\"bob\"")).chars().filter(c -> c == '\n')
                .count() + 1;
        long generation = page.evaluate("simcast.scene.generation").asLong();

        page.evaluate(replace("<material name=\"bob\" rgba=", "<material name=\"bob\" rgb="));
        page.evaluate("document.getElementById('editor-apply').click(), true");

        page.waitFor("simcast.editor.errors().length > 0", READY);
        JsonNode marks = page.evaluate("simcast.editor.errors()");
        assertThat(marks.size()).isEqualTo(1);
        assertThat(marks.get(0).path("line").asInt()).isEqualTo(line);
        assertThat(marks.get(0).path("message").asText()).contains("unrecognized attribute: 'rgb'")
                .contains("line " + line);
        assertThat(page.evaluate("document.querySelector('.editor-host').shadowRoot"
                + ".querySelectorAll('.cm-lint-marker-error').length").asInt()).as("a mark in the gutter").isOne();
        assertThat(page.evaluate("document.getElementById('editor-status').textContent").asText())
                .startsWith("Line " + line + ": ").endsWith(". The scene already loaded stays as it was.");
        assertThat(page.evaluate("simcast.scene.generation").asLong()).isEqualTo(generation);
        assertThat(current().path("id").asText()).isEqualTo("pendulum");
        double[] before = picture(page);
        waitFor(() -> changedCells(before, picture(page)) > 1, 30_000); // the pendulum still swings on screen
    }

    @Test
    void unsavedTextSurvivesAReloadAndIsNeverReplacedWhenSomeoneElseLoadsAScene() throws Exception {
        Page page = openEditor();
        page.evaluate("simcast.editor.view.dispatch({changes: {from: 0, insert: '<!-- my note -->\\n'}}), true");
        page.waitFor("(localStorage.getItem('simcast.draft.pendulum') || '').includes('my note')", READY);

        page.reload(); // the token is gone from the address and from memory: the session cookie lets it back in
        page.waitFor("window.simcast && simcast.role === 'operator'", READY);
        waitForEditor(page);
        assertThat(page.evaluate("simcast.editor.text()").asText()).startsWith("<!-- my note -->\n");
        assertThat(page.evaluate("document.getElementById('editor-status').textContent").asText())
                .isEqualTo("Your unsaved text from before is back (kept in this browser).");

        host.post("/api/scene/preset/cartpole", null, "");
        page.waitFor("!document.getElementById('editor-changed').hidden", READY);
        assertThat(page.evaluate("document.getElementById('editor-changed').textContent").asText())
                .startsWith("The running scene changed to “" + current().path("title").asText() + "”.");
        assertThat(page.evaluate("simcast.editor.text()").asText()).startsWith("<!-- my note -->\n");

        page.evaluate("document.getElementById('editor-load-running').click(), true");
        String cartpole = current().path("xml").asText();
        page.waitFor("simcast.editor.text() === " + Json.write(cartpole), READY);
        assertThat(page.evaluate("document.getElementById('editor-changed').hidden").asBoolean()).isTrue();
    }

    @Test
    void keysTypedIntoTheEditorStayThereAndTheStagesKeysStillReachTheSimulation() throws Exception {
        Page page = openEditor();
        page.evaluate("simcast.editor.view.focus(), simcast.editor.view.dispatch({selection: {anchor: 0}}), true");
        page.press("Space", " ");
        page.press("Backspace", "Backspace");
        page.press("Space", " ");
        assertThat(page.evaluate("simcast.editor.text().startsWith(' ')").asBoolean()).as("typed").isTrue();

        page.evaluate("document.getElementById('stage').focus(), true");
        page.press("Space", " ");

        // Had the editor's Space reached the simulation, the stage's would have resumed it: it must end paused.
        waitFor(() -> !host.simulation.snapshot().playing(), 30_000);
    }

    @Test
    void completionOffersWhatMuJoCosSchemaAllowsWhereTheCursorStands() throws Exception {
        Page page = openEditor();

        assertThat(complete(page, "<worldbody>", "<")).contains("body", "geom", "light", "camera", "include")
                .doesNotContain("joint", "inertial", "mujoco");
        assertThat(complete(page, "<worldbody>", "<geom ")).contains("name", "class", "type", "size", "rgba");
        assertThat(complete(page, "<default class=\"frame\">", "<geom ")).contains("size", "rgba")
                .doesNotContain("name", "class");
    }

    @Test
    void theDownloadIsTheEditorsText() throws Exception {
        Page page = openEditor();
        page.evaluate(replace(BOB, GREEN_BOB));
        page.evaluate("document.getElementById('editor-download').click(), true");

        Path file = downloads.resolve("pendulum.xml");
        waitFor(() -> Files.exists(file) && Files.readString(file).contains(GREEN_BOB), 30_000);
    }

    @Test
    void theModelsCamerasAreOfferedAndEachViewerChoosesItsOwn() throws Exception {
        Page page = openViewer();
        assertThat(page.evaluate("[...document.getElementById('camera').options].map(o => o.text)").toString())
                .isEqualTo("[\"Free camera\",\"overview\",\"side\"]");
        double[] free = picture(page);

        page.evaluate("(() => { const s = document.getElementById('camera'); s.value = '1';"
                + " s.dispatchEvent(new Event('change')); return true; })()");
        waitFor(() -> difference(free, picture(page)) > 10, 30_000);
        page.evaluate("document.getElementById('reset-camera').click(), true");
        waitFor(() -> difference(free, picture(page)) < 8, 30_000);
        assertThat(page.evaluate("document.getElementById('camera').value").asText()).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Page openViewer() throws InterruptedException {
        return world.openViewer("/");
    }

    private static Page openEditor() throws InterruptedException {
        Page page = world.openWorkspace("editor");
        waitForEditor(page);
        return page;
    }

    private static void waitForEditor(Page page) throws InterruptedException {
        page.waitFor("window.simcast && simcast.editor && simcast.editor.text().length > 0", READY);
    }

    /** Types {@code typed} on a new line after {@code after}, asks for completion (Ctrl+Space), reads the offers. */
    private static List<String> complete(Page page, String after, String typed) throws InterruptedException {
        page.evaluate("(() => { const e = simcast.editor; const at = e.text().indexOf(" + Json.write(after) + ")"
                + " + " + after.length() + "; const insert = '\\n' + " + Json.write(typed) + ";"
                + " e.view.dispatch({changes: {from: at, insert}, selection: {anchor: at + insert.length}});"
                + " e.view.focus(); return true; })()");
        page.press("Space", " ", 2);
        String labels = "[...document.querySelector('.editor-host').shadowRoot.querySelectorAll('.cm-completionLabel')]"
                + ".map(l => l.textContent)";
        page.waitFor(labels + ".length > 0", READY);
        List<String> offered = new ArrayList<>();
        page.evaluate(labels).forEach(label -> offered.add(label.asText()));
        page.press("Escape", "Escape");
        page.evaluate("simcast.editor.view.dispatch({changes: {from: 0, to: simcast.editor.view.state.doc.length,"
                + " insert: simcast.editor.base().xml}}), true");
        return offered;
    }

    /** A script that replaces the first {@code from} in the editor's text with {@code to}. */
    private static String replace(String from, String to) {
        return "(() => { const e = simcast.editor; const at = e.text().indexOf(" + Json.write(from) + ");"
                + " if (at < 0) throw new Error('not in the text'); e.view.dispatch({changes: {from: at, to: at + "
                + from.length() + ", insert: " + Json.write(to) + "}}); return true; })()";
    }

    private static JsonNode current() throws Exception {
        return Json.parse(host.get("/api/scene/current").body());
    }
}
