package io.simcast.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the operator sets for one provider; maps one to one onto the JSON of {@code POST /api/config/api-key}:
 * <pre>{"provider": "openai|anthropic|gemini|openai-compatible", "api_key": "...", "model": "...", "base_url": "..."}</pre>
 * {@code model} and {@code base_url} fall back to the provider's defaults; an OpenAI-compatible server needs both.
 * {@code api_key} may be left out to keep the stored key (changing only the model). The key is write-only: it is never
 * serialized, and {@link #toString()} hides it. Immutable.
 *
 * @param provider which provider
 * @param apiKey the secret key, or null
 * @param model the model name, or null for the provider's default
 * @param baseUrl the API's address, or null for the provider's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderSettings(
        @JsonProperty("provider") Provider provider,
        @JsonProperty(value = "api_key", access = JsonProperty.Access.WRITE_ONLY) String apiKey,
        @JsonProperty("model") String model,
        @JsonProperty("base_url") String baseUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ProviderSettings {
        if (provider == null) {
            throw new IllegalArgumentException(LlmMessages.missingProvider());
        }
        apiKey = blankToNull(apiKey);
        model = blankToNull(model);
        baseUrl = blankToNull(baseUrl);
        if (baseUrl != null) {
            checkUrl(baseUrl);
        } else if (provider.defaultBaseUrl().isEmpty()) {
            throw new IllegalArgumentException(LlmMessages.baseUrlRequired(provider));
        }
        if (model == null && provider.defaultModel().isEmpty()) {
            throw new IllegalArgumentException(LlmMessages.modelRequired(provider));
        }
    }

    /**
     * Reads the REST body.
     *
     * @throws IllegalArgumentException with a message for the user when the JSON or a value is wrong
     */
    public static ProviderSettings fromJson(String json) {
        try {
            return JSON.readValue(json, ProviderSettings.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(LlmMessages.unknownSetting(e.getPropertyName()));
        } catch (JsonProcessingException e) {
            // Our own refusals (unknown provider, missing base_url) arrive wrapped; Jackson's own text can quote the
            // input, key included, so it is never shown.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException refusal) {
                    throw new IllegalArgumentException(refusal.getMessage());
                }
            }
            throw new IllegalArgumentException(LlmMessages.settingsJsonInvalid());
        }
    }

    /** The model to use: the operator's, else the provider's default. */
    public String effectiveModel() {
        return model != null ? model : provider.defaultModel().orElseThrow();
    }

    /** The address to use: the operator's, else the provider's default. */
    public String effectiveBaseUrl() {
        return baseUrl != null ? baseUrl : provider.defaultBaseUrl().orElseThrow();
    }

    /** The same settings with another key. */
    public ProviderSettings withApiKey(String key) {
        return new ProviderSettings(provider, key, model, baseUrl);
    }

    /** Never shows the key: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "ProviderSettings[provider=" + provider.id() + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", model=" + model + ", baseUrl=" + baseUrl + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(LlmMessages.baseUrlInvalid(url));
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(LlmMessages.baseUrlInvalid(url));
        }
    }
}
