package io.simcast.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {
    private static final String KEY = "sk-proj-abcdef0123456789";

    @Test
    void theRestBodyMapsOntoTheSettingsDirectly() {
        ProviderSettings settings = ProviderSettings.fromJson("""
                {"provider": "openai", "api_key": "%s", "model": "gpt-5-mini", "base_url": "https://proxy.example/v1"}
                """.formatted(KEY));

        assertThat(settings.provider()).isEqualTo(Provider.OPENAI);
        assertThat(settings.apiKey()).isEqualTo(KEY);
        assertThat(settings.effectiveModel()).isEqualTo("gpt-5-mini");
        assertThat(settings.effectiveBaseUrl()).isEqualTo("https://proxy.example/v1");
    }

    @Test
    void claudeIsAnotherNameForAnthropicAsTheOriginalViewersClientsSendIt() {
        ProviderSettings settings = ProviderSettings.fromJson("{\"provider\": \"claude\", \"api_key\": \"k\"}");

        assertThat(settings.provider()).isEqualTo(Provider.ANTHROPIC);
        assertThat(Provider.fromId(" Claude ")).isEqualTo(Provider.ANTHROPIC);
    }

    @Test
    void modelAndBaseUrlFallBackToTheProvidersDefaults() {
        ProviderSettings settings = ProviderSettings.fromJson("{\"provider\": \"anthropic\", \"api_key\": \"k\"}");

        assertThat(settings.effectiveModel()).isEqualTo("claude-sonnet-4-5");
        assertThat(settings.effectiveBaseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(Provider.GEMINI.defaultModel()).contains("gemini-2.5-pro");
        assertThat(Provider.OPENAI.defaultModel()).contains("gpt-5");
    }

    @Test
    void anOpenAiCompatibleServerNeedsItsAddressAndModelButNoKey() {
        assertThatThrownBy(() -> ProviderSettings.fromJson("{\"provider\": \"openai-compatible\", \"model\": \"m\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The OpenAI-compatible server needs base_url, its address (for a local Ollama: "
                        + "http://localhost:11434/v1)");
        assertThatThrownBy(() -> ProviderSettings.fromJson(
                "{\"provider\": \"openai-compatible\", \"base_url\": \"http://localhost:11434/v1\"}"))
                .hasMessage("The OpenAI-compatible server needs the name of the model it serves (for Ollama, e.g. "
                        + "qwen2.5-coder:32b)");
        ProviderSettings ollama = ProviderSettings.fromJson("{\"provider\": \"openai-compatible\", "
                + "\"model\": \"qwen2.5-coder:32b\", \"base_url\": \"http://localhost:11434/v1\"}");
        assertThat(ollama.apiKey()).isNull();
    }

    @Test
    void wrongValuesAreRefusedInWordsThatNeverQuoteTheKey() {
        assertThatThrownBy(() -> ProviderSettings.fromJson("{\"provider\": \"mistral\", \"api_key\": \"k\"}"))
                .hasMessage("Unknown provider 'mistral'; use one of openai, anthropic, gemini, openai-compatible");
        assertThatThrownBy(() -> ProviderSettings.fromJson("{\"provider\": \"openai\", \"apikey\": \"" + KEY + "\"}"))
                .hasMessage("Unknown setting 'apikey'; the settings are provider, api_key, model and base_url");
        assertThatThrownBy(() -> ProviderSettings.fromJson("{\"api_key\": \"" + KEY + "\"}"))
                .hasMessage("Name the provider: one of openai, anthropic, gemini, openai-compatible");
        assertThatThrownBy(() -> ProviderSettings.fromJson("{\"provider\": \"openai\", \"api_key\": \"" + KEY))
                .hasMessage("The settings are not valid JSON; send {\"provider\": ..., \"api_key\": ..., "
                        + "\"model\": ..., \"base_url\": ...}");
        assertThatThrownBy(() -> ProviderSettings.fromJson("{\"provider\": \"gemini\", \"base_url\": \"file:///etc\"}"))
                .hasMessage("base_url 'file:///etc' is not an http:// or https:// address");
    }

    @Test
    void theKeyIsNeverSerializedNorPrinted() throws Exception {
        ProviderSettings settings = new ProviderSettings(Provider.OPENAI, KEY, "gpt-5", null);

        assertThat(new ObjectMapper().writeValueAsString(settings))
                .isEqualTo("{\"provider\":\"openai\",\"model\":\"gpt-5\"}");
        assertThat(settings.toString())
                .isEqualTo("ProviderSettings[provider=openai, apiKey=***, model=gpt-5, baseUrl=null]");
    }
}
