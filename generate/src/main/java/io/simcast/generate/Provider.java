package io.simcast.generate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * The language-model providers Simcast can generate scenes with. Each has a wire id (the JSON and command-line
 * spelling), a name users read, and defaults for model and address read from {@code providers.properties}.
 * Immutable.
 */
public enum Provider {
    OPENAI("openai", "OpenAI", true),
    ANTHROPIC("anthropic", "Anthropic", true),
    GEMINI("gemini", "Gemini", true),
    /** Any server speaking OpenAI's chat completions API (Ollama, vLLM, LM Studio); a key is optional. */
    OPENAI_COMPATIBLE("openai-compatible", "The OpenAI-compatible server", false);

    private static final Properties DEFAULTS = loadDefaults();
    private static final String CLAUDE = "claude";

    private final String id;
    private final String displayName;
    private final boolean needsKey;

    Provider(String id, String displayName, boolean needsKey) {
        this.id = id;
        this.displayName = displayName;
        this.needsKey = needsKey;
    }

    /** {@code openai}, {@code anthropic}, {@code gemini} or {@code openai-compatible}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** How messages name it: "OpenAI", "Anthropic", "Gemini", "The OpenAI-compatible server". */
    public String displayName() {
        return displayName;
    }

    /** Whether the provider cannot work without an API key (local servers often need none). */
    public boolean needsKey() {
        return needsKey;
    }

    /** The model used when the operator names none; empty when there is no sensible default. */
    public Optional<String> defaultModel() {
        return Optional.ofNullable(DEFAULTS.getProperty(id + ".model"));
    }

    /** The API's address; empty when the operator must give one. */
    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(DEFAULTS.getProperty(id + ".base_url"));
    }

    /** The name under which this provider's key sits in the secret store. */
    String secretName() {
        return "llm." + id;
    }

    /**
     * Parses a wire id, case-insensitively; {@value #CLAUDE} is another name for Anthropic (the original remote
     * viewer's clients send it).
     */
    @JsonCreator
    public static Provider fromId(String id) {
        String wanted = id == null ? "" : id.strip();
        if (wanted.equalsIgnoreCase(CLAUDE)) {
            return ANTHROPIC;
        }
        return Arrays.stream(values()).filter(p -> p.id.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(LlmMessages.unknownProvider(id)));
    }

    private static Properties loadDefaults() {
        Properties properties = new Properties();
        try (InputStream in = Provider.class.getResourceAsStream("providers.properties")) {
            if (in == null) {
                throw new IllegalStateException("providers.properties missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
