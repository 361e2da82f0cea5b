package io.simcast.generate;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/**
 * Builds the langchain4j chat model for a provider's settings. Every model gets the same rules: one timeout for the
 * whole request, no retries (a retry would hide a refused key or a rate limit from the operator, and langchain4j logs
 * the provider's reply when it retries), and no request or response logging (the key travels in a header). Stateless.
 */
final class ChatModels {
    /**
     * Anthropic requires an output limit and defaults to 1024 tokens, far too few for a scene; 16k covers the largest
     * scene we ask for with room for the model's commentary. The other providers default to their model's maximum.
     */
    static final int ANTHROPIC_MAX_TOKENS = 16_000;

    private ChatModels() {}

    static ChatModel create(ProviderSettings settings, Duration timeout) {
        return switch (settings.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
                    .baseUrl(settings.effectiveBaseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(settings.effectiveModel())
                    .timeout(timeout)
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(settings.effectiveBaseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(settings.effectiveModel())
                    .maxTokens(ANTHROPIC_MAX_TOKENS)
                    .timeout(timeout)
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case GEMINI -> GoogleAiGeminiChatModel.builder()
                    .baseUrl(settings.effectiveBaseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(settings.effectiveModel())
                    .timeout(timeout)
                    .maxRetries(0)
                    .logRequestsAndResponses(false)
                    .build();
        };
    }
}
