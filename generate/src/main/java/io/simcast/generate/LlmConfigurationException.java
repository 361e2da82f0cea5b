package io.simcast.generate;

/** Language-model settings could not be read, stored or used. The message is what the user reads; it holds no key. */
public final class LlmConfigurationException extends Exception {
    public LlmConfigurationException(String message) {
        super(message);
    }

    public LlmConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
