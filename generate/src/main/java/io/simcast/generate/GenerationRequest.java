package io.simcast.generate;

/**
 * What the operator asked for. Immutable.
 *
 * @param prompt the scene in plain language
 * @param provider which provider to ask; null for the configured default
 */
public record GenerationRequest(String prompt, Provider provider) {
    /** Long enough for a detailed description, short enough that a pasted document is refused. */
    public static final int MAX_PROMPT_CHARACTERS = 4000;

    public GenerationRequest {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException(LlmMessages.promptEmpty());
        }
        prompt = prompt.strip();
        if (prompt.length() > MAX_PROMPT_CHARACTERS) {
            throw new IllegalArgumentException(LlmMessages.promptTooLong(prompt.length(), MAX_PROMPT_CHARACTERS));
        }
    }

    /** Asks the default provider. */
    public static GenerationRequest of(String prompt) {
        return new GenerationRequest(prompt, null);
    }
}
