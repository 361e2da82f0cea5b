package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.FakeProvider;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.Provider;
import io.simcast.generate.Replies;
import io.simcast.generate.secrets.FileSecretStore;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.http.Json;
import io.simcast.testkit.HeadlessChromium.NetworkLog;
import io.simcast.testkit.HeadlessChromium.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's language-model panels against a real host whose providers are sim's fakes on 127.0.0.1 (langchain4j's
 * real clients, real MuJoCo compiling every candidate): the API Keys dialog stores a key that never comes back to
 * the page, generation shows each attempt as it happens and loads the scene into the editor, Cancel stops it, and a
 * page without a key says how to set one up.
 */
@Tag("e2e")
class BrowserGenerateTest {
    private static final Duration READY = Browsing.READY;
    private static final String KEY = "sk-page-leak-check-8c1f27d4e5";
    @RegisterExtension
    static final Browsing world = Browsing.of(() -> {
        Path folder = Files.createTempDirectory("simcast-page-llm");
        return TestHost.start("pendulum", StreamingConfig.builder(),
                () -> new LlmConfiguration(folder, new FileSecretStore(folder)));
    });
    private static TestHost host;
    private FakeProvider fake;

    @BeforeAll
    static void start() {
        host = world.host;
    }

    @BeforeEach
    void startAFakeOpenAi() {
        fake = FakeProvider.start(Provider.OPENAI);
    }

    @AfterEach
    void forgetEverything() throws Exception {
        world.closeTabs();
        fake.close();
        for (JsonNode provider : Json.parse(host.get("/api/config/api-key").body()).path("providers")) {
            host.delete("/api/config/api-key/" + provider.path("provider").asText());
        }
        host.post("/api/scene/preset/pendulum", null, "");
    }

    @Test
    void withoutAKeyTheGeneratorSaysSoAndOffersTheApiKeysPanel() throws Exception {
        Page page = open("generate");

        page.waitFor("!document.getElementById('generate-notice').hidden", READY);
        assertThat(text(page, "generate-notice")).isEqualTo("No language model is set up yet, so no scene can be"
                + " generated. Add an API key (or a local OpenAI-compatible server) under API Keys. Open API Keys");
        page.evaluate("document.querySelector('#generate-notice button').click(), true");
        page.waitFor("simcast.workspace.shown().includes('keys') && document.getElementById('key-openai')", READY);
    }

    @Test
    void aKeySetInTheDialogIsStoredOnTheHostTestedInWordsAndNeverSentBackToThePage() throws Exception {
        Page page = open("keys");
        NetworkLog network = page.recordNetwork();
        page.waitFor("document.getElementById('key-openai')", READY);

        page.evaluate("(() => { const f = document.getElementById('key-openai');"
                + " f.elements['key-openai'].value = " + Json.write(KEY) + ";"
                + " f.elements['model-openai'].value = " + Json.write(FakeProvider.MODEL) + ";"
                + " f.elements['base-openai'].value = " + Json.write(fake.baseUrl()) + ";"
                + " f.requestSubmit(); return true; })()");
        page.waitFor("document.querySelector('#key-openai h3').textContent.includes('key stored on the host')", READY);
        assertThat(text(page, "key-openai")).contains("test-model · " + fake.baseUrl() + " · key stored on the host"
                + " · default");
        fake.enqueue(Reply.answer("OK"));
        page.evaluate("[...document.querySelectorAll('#key-openai button')].find(b => b.textContent"
                + " === 'Test connection').click(), true");
        page.waitFor("document.querySelector('#key-openai .status').dataset.kind === 'ok'", READY);
        assertThat(page.evaluate("document.querySelector('#key-openai .status').textContent").asText())
                .matches("OpenAI answered with model test-model in [0-9.]+ s");
        assertThat(fake.requests().getLast().header("Authorization")).as("the key reached the provider")
                .isEqualTo("Bearer " + KEY);

        // The page asks for the settings afresh, as a person coming back with a new operator link would.
        page.navigate(host.operatorPage("").toString());
        page.waitFor("window.simcast && simcast.role === 'operator'", READY);
        page.evaluate("simcast.workspace.show('keys')");
        page.waitFor("document.querySelector('#key-openai h3').textContent.includes('key stored')", READY);
        waitFor(() -> network.responses() > 5, 30_000);
        assertThat(network.received()).as("everything the host sent the page").isNotEmpty()
                .noneMatch(body -> body.contains(KEY));
        assertThat(page.evaluate("JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})"
                + " + document.documentElement.outerHTML"
                + " + [...document.querySelectorAll('input')].map(i => i.value).join()").asText())
                .doesNotContain(KEY);

        page.evaluate("[...document.querySelectorAll('#key-openai button')].find(b => b.textContent"
                + " === 'Remove').click(), true");
        page.waitFor("document.querySelector('#key-openai h3').textContent.includes('not set up')", READY);
        assertThat(Json.parse(host.get("/api/config/api-key").body()).path("providers")).isEmpty();
    }

    @Test
    void generationShowsTheFailedAndTheRepairedAttemptAndTheSceneLandsInTheEditorForEverybody() throws Exception {
        setUpFakeOpenAi();
        fake.enqueue(Reply.answer(Replies.fenced(Replies.MISSPELLED_ATTRIBUTE)),
                Reply.answer(Replies.fenced(Replies.GOOD_SCENE)));
        Page page = open("editor", "generate");
        page.waitFor("simcast.editor && [...document.getElementById('generate-provider').options]"
                + ".some(o => o.value === 'openai')", READY);

        page.evaluate("(() => { document.getElementById('generate-prompt').value = 'a box and a ball';"
                + " document.getElementById('generate-provider').value = 'openai';"
                + " document.getElementById('generate-start').click(); return true; })()");

        page.waitFor("document.getElementById('generate-status').textContent.includes('running for everybody')",
                READY);
        assertThat(page.evaluate("[...document.querySelectorAll('#generate-steps > li')].map(li => li.className)")
                .toString()).isEqualTo("[\"attempt_started\",\"reply_received\",\"compile_failed\","
                        + "\"attempt_started\",\"reply_received\",\"succeeded\"]");
        assertThat(page.evaluate("document.querySelector('#generate-steps .compile_failed').textContent").asText())
                .startsWith("Attempt 1: MuJoCo could not compile the scene:").contains("colour");
        assertThat(text(page, "generate-status"))
                .isEqualTo("“a box and a ball” is running for everybody (2 attempts)");
        JsonNode current = Json.parse(host.get("/api/scene/current").body());
        assertThat(current.path("xml").asText()).contains("box_and_ball");
        page.waitFor("simcast.editor.text().includes('box_and_ball')", READY);
    }

    @Test
    void cancelStopsAGenerationAndTheRunningSceneStays() throws Exception {
        setUpFakeOpenAi();
        fake.enqueue(Reply.answer(Replies.fenced(Replies.MISSPELLED_ATTRIBUTE)), Reply.silence());
        Page page = open("generate");
        page.waitFor("document.getElementById('generate-start')", READY);

        page.evaluate("(() => { document.getElementById('generate-prompt').value = 'a box and a ball';"
                + " document.getElementById('generate-start').click(); return true; })()");
        page.waitFor("document.querySelector('#generate-steps .compile_failed')", READY);
        page.evaluate("document.getElementById('generate-cancel').click(), true");

        page.waitFor("document.querySelector('#generate-steps .cancelled')", READY);
        page.waitFor("!document.getElementById('generate-start').disabled", READY);
        assertThat(text(page, "generate-status")).startsWith("No scene: ");
        assertThat(Json.parse(host.get("/api/scene/current").body()).path("id").asText()).isEqualTo("pendulum");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void setUpFakeOpenAi() throws Exception {
        assertThat(host.post("/api/config/api-key", "application/json", "{\"provider\": \"openai\", \"api_key\": \""
                + KEY + "\", \"model\": \"" + FakeProvider.MODEL + "\", \"base_url\": \"" + fake.baseUrl() + "\"}")
                .statusCode()).isEqualTo(200);
    }

    private static Page open(String... panels) throws InterruptedException {
        return world.openWorkspace(panels);
    }

    private static String text(Page page, String id) {
        return page.evaluate("document.getElementById('" + id + "').textContent").asText();
    }
}
