package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.generate.ConnectionTester;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.LlmConfigurationException;
import io.simcast.generate.Provider;
import io.simcast.generate.ProviderSettings;
import io.simcast.generate.ProviderStatus;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.http.RequestBody;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The language-model settings (docs/LLM.md): which providers are set up with which model and address, their keys
 * stored and removed, and the settings dialog's "test connection". A key goes in and never comes out: no answer
 * holds one, and nothing here logs a body. Settings refused for their content are a 400 in the settings' own words
 * (which never quote the key); a key store that fails is a 500 saying why.
 *
 * <p>Worker threads: these calls touch the disk, the keychain or the provider's network.
 */
public final class ApiKeyResource {
    private static final String TEST_EXAMPLE = "{\"provider\": \"openai\"}";
    private static final List<Available> AVAILABLE = Arrays.stream(Provider.values()).map(Available::of).toList();

    private final Supplier<LlmConfiguration> configuration;
    private final long maxBodyBytes;
    private final Duration testTimeout;

    /**
     * @param configuration the operator's settings, made on first use (finding the keychain runs a process)
     * @param testTimeout how long "test connection" waits for the provider
     */
    public ApiKeyResource(Supplier<LlmConfiguration> configuration, long maxBodyBytes, Duration testTimeout) {
        this.configuration = configuration;
        this.maxBodyBytes = maxBodyBytes;
        this.testTimeout = testTimeout;
    }

    /**
     * @param providers the providers set up
     * @param keyStorage where keys are kept, in words
     * @param available every provider that can be set up, with its defaults (the page's settings offer them all)
     */
    public record Listing(List<ProviderStatus> providers, String keyStorage, List<Available> available) {}

    /** A provider that can be set up; a null default means the operator must give it. */
    public record Available(Provider provider, String name, boolean needsKey, String defaultModel,
                            String defaultBaseUrl) {
        static Available of(Provider provider) {
            return new Available(provider, provider.displayName(), provider.needsKey(),
                    provider.defaultModel().orElse(null), provider.defaultBaseUrl().orElse(null));
        }
    }

    public record Removed(Provider provider, boolean removed) {}

    /** @param ok whether the provider answered; @param message what the operator reads */
    public record TestReport(Provider provider, boolean ok, String message) {}

    /** {@code GET /api/config/api-key}: the providers set up, their models and addresses; never a key. */
    public Json.Encoded list(HttpServerExchange exchange) {
        LlmConfiguration settings = configuration.get();
        return Json.encode(Json.SNAKE_CASE, new Listing(settings(settings::list), settings.keyStorage(),
                AVAILABLE));
    }

    /** {@code POST /api/config/api-key}: sets a provider up (it becomes the default); answers its status. */
    public ProviderStatus configure(HttpServerExchange exchange) throws Exception {
        ProviderSettings settings;
        try {
            settings = ProviderSettings.fromJson(RequestBody.read(exchange, maxBodyBytes).text());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return settings(() -> configuration.get().configure(settings));
    }

    /** {@code DELETE /api/config/api-key/{provider}}: forgets the provider and deletes its key. */
    public Removed remove(HttpServerExchange exchange) {
        Provider provider = provider(exchange.getQueryParameters().get("provider").getFirst());
        if (!settings(() -> configuration.get().remove(provider))) {
            throw ApiException.notFound(StreamingMessages.noSuchProviderSetUp(provider.displayName()));
        }
        return new Removed(provider, true);
    }

    /** {@code POST /api/config/api-key/test {"provider"}}: a one-line request to the provider, the outcome in words. */
    public TestReport test(HttpServerExchange exchange) throws Exception {
        JsonNode body = SceneResource.parse(RequestBody.read(exchange, maxBodyBytes).text());
        if (!body.path("provider").isTextual()) {
            throw ApiException.badRequest(StreamingMessages.expectedJsonObject(TEST_EXAMPLE));
        }
        Provider provider = provider(body.get("provider").asText());
        ConnectionTester.Report report = new ConnectionTester(configuration.get(), testTimeout).test(provider);
        return new TestReport(provider, report.ok(), report.message());
    }

    private static Provider provider(String id) {
        try {
            return Provider.fromId(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private interface SettingsCall<T> {
        T call() throws LlmConfigurationException;
    }

    /** Settings refused for what they say are the caller's to fix (400); a store that failed is ours (500). */
    private static <T> T settings(SettingsCall<T> call) {
        try {
            return call.call();
        } catch (LlmConfigurationException e) {
            throw new ApiException(e.getCause() == null ? 400 : 500, e.getMessage());
        }
    }
}
