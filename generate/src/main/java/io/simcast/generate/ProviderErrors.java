package io.simcast.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Turns whatever a provider call threw into one sentence for the operator: a refused key, a rate limit, a server
 * error, a timeout, an unreachable address. The provider's own explanation is quoted when its error body has one
 * (OpenAI, Anthropic and Gemini all put it at {@code error.message}), and the key is cut out of everything quoted,
 * since providers echo it back. Stateless.
 */
final class ProviderErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTE = 300;

    private ProviderErrors() {}

    static String describe(Throwable failure, ProviderSettings settings, Duration timeout) {
        Provider provider = settings.provider();
        HttpException http = find(failure, HttpException.class);
        if (http != null) {
            return describeStatus(http.statusCode(), redact(said(http.getMessage()), settings), settings);
        }
        if (find(failure, TimeoutException.class) != null || find(failure, HttpTimeoutException.class) != null) {
            return LlmMessages.timedOut(provider, timeout);
        }
        if (find(failure, ConnectException.class) != null) {
            return LlmMessages.unreachable(provider, settings.effectiveBaseUrl(), "connection refused");
        }
        if (find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnresolvedModelServerException.class) != null) {
            return LlmMessages.unreachable(provider, settings.effectiveBaseUrl(), "unknown host");
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return LlmMessages.unreachable(provider, settings.effectiveBaseUrl(),
                    redact(String.valueOf(io.getMessage()), settings));
        }
        return LlmMessages.providerFailed(provider, redact(String.valueOf(failure.getMessage()), settings));
    }

    private static String describeStatus(int status, String said, ProviderSettings settings) {
        Provider provider = settings.provider();
        if (status == 401 || status == 403 || (status == 400 && said.toLowerCase().contains("api key"))) {
            return LlmMessages.keyRefused(provider, status, said); // Gemini answers a bad key with 400
        }
        if (status == 429) {
            return LlmMessages.rateLimited(provider, said);
        }
        if (status == 404) {
            // A wrong model and a wrong address (Ollama without /v1) both answer 404; only the first names the model.
            return said.toLowerCase().contains("model")
                    ? LlmMessages.modelUnknown(provider, settings.effectiveModel(), said)
                    : LlmMessages.noApiAt(provider, settings.effectiveBaseUrl(), said);
        }
        if (status >= 500) {
            return LlmMessages.serverError(provider, status, said);
        }
        return LlmMessages.requestRejected(provider, status, said);
    }

    /** The provider's explanation: {@code error.message} of a JSON body, else the body itself, shortened. */
    static String said(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode message = JSON.readTree(text).path("error").path("message");
            if (message.isTextual()) {
                text = message.asText().strip();
            }
        } catch (IOException e) {
            // Not JSON (a proxy's HTML page, plain text): quote it as it is.
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "..." : text;
    }

    private static String redact(String text, ProviderSettings settings) {
        String key = settings.apiKey();
        return key == null || key.isEmpty() ? text : text.replace(key, "[API key]");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
