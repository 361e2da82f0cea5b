package io.simcast.generate.secrets;

import io.simcast.sim.UserFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where this user's secrets go: the desktop keychain when a Secret Service answers, else a file only the user
 * can read in the settings folder ({@link UserFolders}). The system property {@value #CHOICE_PROPERTY} set to {@code file} skips the
 * keychain (tests, and machines whose keychain prompts nobody can answer). Call once at start-up, off any UI thread:
 * the probe runs a short process.
 */
public final class SecretStores {
    /** System property: {@code auto} (default) or {@code file}. */
    public static final String CHOICE_PROPERTY = "simcast.secrets";
    private static final Logger log = LoggerFactory.getLogger(SecretStores.class);
    private static final Duration KEYCHAIN_TIMEOUT = Duration.ofSeconds(30);

    private SecretStores() {}

    /** The store for the user running this JVM. */
    public static SecretStore forThisUser() {
        return choose(System.getProperty(CHOICE_PROPERTY, "auto"), System.getenv(), UserFolders.forThisUser().settings());
    }

    static SecretStore choose(String choice, Map<String, String> env, Path folder) {
        Optional<SecretServiceStore> keychain = "file".equals(choice)
                ? Optional.empty()
                : SecretServiceStore.detect(env, KEYCHAIN_TIMEOUT);
        SecretStore store = keychain.isPresent() ? keychain.get() : new FileSecretStore(folder);
        log.info("Secrets are kept in {}", store.description());
        return store;
    }
}
