package io.simcast.generate;

/**
 * Generation ended without a working scene: nothing configured, a provider error, or every attempt failed. The
 * message is what the operator reads. The running scene is never touched.
 */
public final class GenerationException extends Exception {
    public GenerationException(String message) {
        super(message);
    }
}
