package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.Eventually;
import io.simcast.app.console.TestOptions;
import io.simcast.generate.FakeProvider;
import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.Provider;
import io.simcast.generate.Replies;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Generate scene" against a fake OpenAI server on 127.0.0.1 (sim's test fakes, speaking OpenAI's wire format) with
 * real MuJoCo compiling and running every candidate: each attempt shows as it happens, the working scene lands in the
 * editor and runs; Cancel stops a generation; without a provider the console says so and points to the settings.
 */
class GenerateUiTest extends ConsoleUiTest {
    private static final String BROKEN = """
            <mujoco model="misspelled">
              <worldbody>
                <geom name="floor" type="plane" size="0 0 0.05" colour="red"/>
              </worldbody>
            </mujoco>""";

    private final FakeProvider fake = FakeProvider.start(Provider.OPENAI);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    /** A hang guard for a whole generation, not an expectation of its speed. */
    private static final Duration GENERATION = Duration.ofMinutes(5);

    private void setUpFake() throws Exception {
        TestOptions.llm(dataFolder).configure(fake.settings("sk-test-generate"));
    }

    private void openGenerate(String prompt) {
        fx(() -> {
            console.showGenerate();
            return null;
        });
        robot().clickOn("#generate-prompt").write(prompt);
    }

    @SuppressWarnings("unchecked")
    private List<String> events() {
        return fx(() -> List.copyOf(lookup("#generate-events", ListView.class).getItems()));
    }

    private String outcome() {
        return fx(() -> lookup("#generate-outcome", Label.class).getText());
    }

    private static String fenced(String xml) {
        return "Here is the scene:\n```xml\n" + xml + "\n```";
    }

    @Test
    void eachAttemptShowsAndTheWorkingSceneLandsInTheEditorAndRuns() throws Exception {
        setUpFake();
        fake.enqueue(Reply.answer(fenced(BROKEN)), Reply.answer(fenced(Replies.GOOD_SCENE)));
        openGenerate("a box and a ball");
        awaitFx("the provider in the picker", () -> lookup("#generate-provider", javafx.scene.control.ChoiceBox.class)
                .getValue() == Provider.OPENAI);

        click("#generate-start");

        // Two attempts, each checked in a child JVM that compiles, steps and draws the scene: minutes on a busy box.
        Eventually.await("the outcome", () -> outcome().startsWith("Generated and loaded"), GENERATION);
        List<String> events = events();
        assertThat(events.getFirst()).isEqualTo("Attempt 1 of 3: asking OpenAI (test-model)");
        assertThat(events).anyMatch(line -> line.startsWith("Attempt 1: MuJoCo could not compile the scene:")
                && line.contains("colour"));
        assertThat(events).contains("Attempt 2 of 3: asking OpenAI (test-model)");
        assertThat(events.getLast()).isEqualTo("Attempt 2: the scene compiled and ran 3.0 s cleanly");
        assertThat(editorText()).isEqualTo(Replies.GOOD_SCENE);
        Eventually.await("the generated scene to run", () -> snapshot().scene().xml().equals(Replies.GOOD_SCENE)
                && snapshot().time() > 0);
        assertThat(outcome()).isEqualTo("Generated and loaded " + snapshot().scene().title()
                + " (after 2 attempts); its MJCF is in the editor");
        assertThat(fx(() -> ((Stage) editor().getScene().getWindow()).getTitle())).isEqualTo("• Untitled — Simcast");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void cancelStopsTheGenerationAndKeepsTheRunningScene() throws Exception {
        setUpFake();
        fake.enqueue(Reply.silence());
        String running = snapshot().sceneId();
        openGenerate("five capsules");
        click("#generate-start");
        fake.awaitRequests(1, Duration.ofSeconds(20));

        click("#generate-cancel");

        assertThat(outcome()).isEqualTo("Generation cancelled; the running scene was not changed");
        assertThat(events()).containsExactly("Attempt 1 of 3: asking OpenAI (test-model)",
                "Generation cancelled; the running scene was not changed");
        assertThat(fx(() -> lookup("#generate-start", javafx.scene.control.Button.class).isDisabled())).isFalse();
        assertThat(snapshot().sceneId()).isEqualTo(running);
    }

    @Test
    void withoutAProviderGenerationSaysSoAndPointsToTheSettings() {
        openGenerate("a cradle");
        awaitFx("the note", () -> lookup("#generate-no-provider", Label.class).isVisible());
        assertThat(fx(() -> lookup("#generate-no-provider", Label.class).getText()))
                .isEqualTo("No language model is set up yet: add one in Settings.");

        click("#generate-start");

        Eventually.await("the outcome", () -> !outcome().isEmpty());
        assertThat(outcome()).isEqualTo("No language model is set up: open Settings and add an API key for OpenAI, "
                + "Anthropic or Gemini, or the address of an OpenAI-compatible server (Ollama, vLLM)");
        assertThat(fx(() -> lookup("#generate-prompt", TextArea.class).getText()))
                .isEqualTo("a cradle");
        click("#generate-settings");
        awaitFx("the settings window", () -> lookup("#providers", javafx.scene.Node.class).isVisible());
    }
}
