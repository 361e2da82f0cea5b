package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.generate.secrets.FileSecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigurationTest {
    private static final String KEY = "sk-ant-api03-secret";

    @TempDir
    Path folder;

    private FileSecretStore secrets() {
        return new FileSecretStore(folder);
    }

    private LlmConfiguration configuration() {
        return new LlmConfiguration(folder, secrets());
    }

    @Test
    void theListingSaysWhichProvidersAreSetUpAndTheirModelsButNeverTheKey() throws Exception {
        LlmConfiguration configuration = configuration();
        configuration.configure(ProviderSettings.fromJson("{\"provider\": \"anthropic\", \"api_key\": \"" + KEY + "\"}"));
        configuration.configure(ProviderSettings.fromJson("{\"provider\": \"openai-compatible\", \"model\": "
                + "\"qwen2.5-coder:32b\", \"base_url\": \"http://localhost:11434/v1\"}"));

        assertThat(configuration.list()).containsExactly(
                new ProviderStatus(Provider.ANTHROPIC, "claude-sonnet-4-5", "https://api.anthropic.com/v1", true, false),
                new ProviderStatus(Provider.OPENAI_COMPATIBLE, "qwen2.5-coder:32b", "http://localhost:11434/v1", false,
                        true));
        String json = new ObjectMapper().writeValueAsString(configuration.list());
        assertThat(json).contains("\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\"")
                .contains("\"key_stored\":true").doesNotContain(KEY);
        assertThat(Files.readString(folder.resolve("llm.json"))).doesNotContain(KEY);
        assertThat(secrets().read("llm.anthropic")).contains(KEY);
    }

    @Test
    void theProviderSetUpLastIsTheDefaultAndRemovingItFallsBackToAnother() throws Exception {
        LlmConfiguration configuration = configuration();
        configuration.configure(new ProviderSettings(Provider.OPENAI, "sk-1", null, null));
        configuration.configure(new ProviderSettings(Provider.GEMINI, "AIza-2", null, null));
        assertThat(configuration.defaultProvider()).contains(Provider.GEMINI);

        assertThat(configuration.remove(Provider.GEMINI)).isTrue();

        assertThat(configuration.defaultProvider()).contains(Provider.OPENAI);
        assertThat(secrets().read("llm.gemini")).isEmpty();
        assertThat(configuration.remove(Provider.GEMINI)).isFalse();
    }

    @Test
    void changingOnlyTheModelKeepsTheStoredKey() throws Exception {
        LlmConfiguration configuration = configuration();
        configuration.configure(new ProviderSettings(Provider.OPENAI, "sk-1", null, null));

        ProviderStatus status = configuration.configure(ProviderSettings.fromJson(
                "{\"provider\": \"openai\", \"model\": \"gpt-5-mini\"}"));

        assertThat(status).isEqualTo(new ProviderStatus(Provider.OPENAI, "gpt-5-mini", "https://api.openai.com/v1",
                true, true));
        assertThat(configuration.settings(Provider.OPENAI).apiKey()).isEqualTo("sk-1");
    }

    @Test
    void aNewAddressNeedsTheKeyAgainSoAStoredKeyIsNeverSentToAnotherServer() throws Exception {
        LlmConfiguration configuration = configuration();
        configuration.configure(new ProviderSettings(Provider.OPENAI, "sk-1", null, null));

        assertThatThrownBy(() -> configuration.configure(ProviderSettings.fromJson(
                "{\"provider\": \"openai\", \"base_url\": \"https://collector.example/v1\"}")))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessage("OpenAI's API key goes only to the address it was given for: send api_key again to use"
                        + " https://collector.example/v1");
        assertThat(configuration.settings(Provider.OPENAI).effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");

        ProviderStatus moved = configuration.configure(new ProviderSettings(Provider.OPENAI, "sk-2", null,
                "https://proxy.example/v1"));
        assertThat(moved.baseUrl()).isEqualTo("https://proxy.example/v1");
        assertThat(configuration.settings(Provider.OPENAI).apiKey()).isEqualTo("sk-2");
    }

    @Test
    void aProviderThatNeedsAKeyCannotBeSetUpWithoutOne() {
        assertThatThrownBy(() -> configuration().configure(new ProviderSettings(Provider.GEMINI, null, null, null)))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessage("Gemini needs an API key");
    }

    @Test
    void aKeyPastedWithALineBreakIsRefused() {
        assertThatThrownBy(() -> configuration().configure(
                new ProviderSettings(Provider.OPENAI, "sk-abc\nsk-def", null, null)))
                .hasMessage("The API key contains spaces or line breaks; paste only the key");
    }

    @Test
    void settingsSurviveARestart() throws Exception {
        configuration().configure(new ProviderSettings(Provider.ANTHROPIC, KEY, "claude-opus-4-1", null));

        LlmConfiguration restarted = configuration();
        assertThat(restarted.settings(Provider.ANTHROPIC))
                .isEqualTo(new ProviderSettings(Provider.ANTHROPIC, KEY, "claude-opus-4-1", null));
        assertThat(restarted.defaultProvider()).contains(Provider.ANTHROPIC);
    }

    @Test
    void lazilyMakesTheConfigurationOnFirstUseAndSharesIt() {
        AtomicInteger made = new AtomicInteger();
        Supplier<LlmConfiguration> lazy = LlmConfiguration.lazily(() -> {
            made.incrementAndGet();
            return configuration();
        });
        assertThat(made).hasValue(0);
        LlmConfiguration first = lazy.get();
        assertThat(lazy.get()).isSameAs(first);
        assertThat(made).hasValue(1);
    }
}
