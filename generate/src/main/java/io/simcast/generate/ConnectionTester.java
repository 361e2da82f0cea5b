package io.simcast.generate;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;

/**
 * The settings dialog's "test connection": sends the provider a one-line request with the stored settings and reports
 * success or the provider's error in plain words. Blocks the calling thread for at most the timeout; call it off UI
 * threads.
 */
public final class ConnectionTester {
    /** Shorter than a generation's: a one-word answer needs no thinking time. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final LlmConfiguration configuration;
    private final Duration timeout;

    public ConnectionTester(LlmConfiguration configuration, Duration timeout) {
        this.configuration = configuration;
        this.timeout = timeout;
    }

    /**
     * The outcome of a test.
     *
     * @param ok whether the provider answered
     * @param message what the operator reads
     */
    public record Report(boolean ok, String message) {}

    public Report test(Provider provider) {
        ProviderSettings settings;
        try {
            settings = configuration.settings(provider);
        } catch (LlmConfigurationException e) {
            return new Report(false, e.getMessage());
        }
        ChatModel model = ChatModels.create(settings, timeout);
        long start = System.nanoTime();
        try {
            model.chat(ChatRequest.builder().messages(UserMessage.from("Reply with the single word OK.")).build());
        } catch (RuntimeException e) {
            return new Report(false, ProviderErrors.describe(e, settings, timeout));
        }
        return new Report(true, LlmMessages.connectionOk(provider, settings.effectiveModel(),
                Duration.ofNanos(System.nanoTime() - start)));
    }
}
