package io.simcast.generate.secrets;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps small secrets (API keys, signing keys) for the user running Simcast, by name. Implementations never log a
 * secret and never put one on a command line. Implementations are thread-safe; calls may block on the disk or the
 * desktop keychain (never call them on a UI thread).
 */
public interface SecretStore {
    /** Secret names: lower-case words joined by dots, dashes or underscores, e.g. {@code llm.openai}. */
    Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** The secret stored under {@code name}, if any. */
    Optional<String> read(String name) throws SecretStoreException;

    /** Stores {@code secret} under {@code name}, replacing any previous one. */
    void write(String name, String secret) throws SecretStoreException;

    /** Forgets the secret under {@code name}; nothing happens when there is none. */
    void delete(String name) throws SecretStoreException;

    /** Where secrets go, in words a user understands (no secret in it). */
    String description();

    /** Refuses names that could be mistaken for something else in a file or a keychain query. */
    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid secret name: " + name);
        }
        return name;
    }
}
