package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.TestOptions;
import io.simcast.generate.FakeProvider;
import io.simcast.generate.FakeProvider.Reply;
import io.simcast.generate.Provider;
import io.simcast.generate.ProviderStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The language-model settings window against a fake OpenAI server: a key typed once is stored and never shown
 * again, the connection test reports in plain words (success, a refused key), and removing forgets the provider.
 */
class ProvidersUiTest extends ConsoleUiTest {
    private static final String KEY = "sk-test-never-shown-4711";

    private final FakeProvider fake = FakeProvider.start(Provider.OPENAI);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private String report() {
        return fx(() -> lookup("#provider-report", Labeled.class).getText());
    }

    @SuppressWarnings("unchecked")
    private List<String> lines() {
        return fx(() -> List.copyOf(lookup("#providers-list", ListView.class).getItems()));
    }

    /** Every text the settings window shows: labels, fields (and their prompts), list lines. */
    private List<String> textsShown() {
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            collect(lookup("#providers", Parent.class), texts);
            texts.addAll(lines());
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            texts.add(labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            texts.add(input.getText());
            texts.add(input.getPromptText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    @Test
    void aKeyIsStoredNeverShownTestedInPlainWordsAndRemoved() throws Exception {
        fx(() -> {
            console.showLlmSettings();
            return null;
        });
        awaitFx("the list", () -> lookup("#providers-list", ListView.class).getItems().size() == 4);
        assertThat(lines()).containsExactly("OpenAI: not set up", "Anthropic: not set up", "Gemini: not set up",
                "The OpenAI-compatible server: not set up");
        assertThat(fx(() -> lookup("#provider-storage", Labeled.class).getText())).startsWith("Keys are kept in ")
                .endsWith(" and never shown again.");

        robot().clickOn("#provider-key").write(KEY);
        fx(() -> {
            lookup("#provider-model", TextField.class).setText(FakeProvider.MODEL);
            lookup("#provider-base-url", TextField.class).setText(fake.baseUrl());
            return null;
        });
        click("#provider-save");

        awaitFx("saved", () -> !report().isEmpty());
        assertThat(report()).isEqualTo("OpenAI is set up with model test-model; its key is stored");
        assertThat(lines().getFirst()).isEqualTo("OpenAI: test-model at " + fake.baseUrl() + ", key stored, default");
        assertThat(fx(() -> lookup("#provider-key", PasswordField.class).getText())).isEmpty();
        assertThat(fx(() -> lookup("#provider-key", PasswordField.class).getPromptText()))
                .isEqualTo("stored; type a new key to replace it");
        assertThat(textsShown()).noneMatch(text -> text != null && text.contains(KEY));
        assertThat(TestOptions.llm(dataFolder).list()).extracting(ProviderStatus::keyStored).containsExactly(true);

        fake.enqueue(Reply.answer("OK"));
        click("#provider-test");
        awaitFx("the test's report", () -> report().startsWith("OpenAI answered"));
        assertThat(report()).matches("OpenAI answered with model test-model in \\d+\\.\\d s");
        assertThat(fake.requests().getLast().header("Authorization")).isEqualTo("Bearer " + KEY);

        fake.enqueue(Reply.error(401, "Incorrect API key provided"));
        click("#provider-test");
        awaitFx("the refusal", () -> report().startsWith("OpenAI refused"));
        assertThat(report()).isEqualTo("OpenAI refused the API key (HTTP 401): check the key in Settings. OpenAI "
                + "said: Incorrect API key provided");

        click("#provider-remove");
        awaitFx("removed", () -> report().startsWith("OpenAI removed"));
        assertThat(report()).isEqualTo("OpenAI removed; its key is deleted");
        assertThat(lines().getFirst()).isEqualTo("OpenAI: not set up");
        assertThat(TestOptions.llm(dataFolder).list()).isEmpty();
    }
}
