package io.simcast.generate.secrets;

/** A secret could not be read, stored or removed. The message is what the user reads and never holds a secret. */
public final class SecretStoreException extends Exception {
    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
