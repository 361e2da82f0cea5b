package io.simcast.generate.secrets;

import java.nio.file.Path;
import java.time.Duration;

/** Every message about stored secrets that a user can read, in one place (tests assert these words). */
final class SecretMessages {
    private SecretMessages() {}

    static String fileDescription(Path file) {
        return "the file " + file + " (readable only by you)";
    }

    static String keychainDescription() {
        return "the desktop keychain (Secret Service)";
    }

    static String fileUnreadable(Path file, Exception cause) {
        return "Cannot read the key file " + file + ": " + cause.getMessage();
    }

    static String fileUnwritable(Path file, Exception cause) {
        return "Cannot write the key file " + file + ": " + cause.getMessage();
    }

    static String fileCorrupt(Path file) {
        return "The key file " + file + " is damaged (not a JSON object of names to keys); move it away and enter "
                + "the keys again";
    }

    static String keychainFailed(String action, String detail) {
        return "The desktop keychain could not " + action + " the key: " + detail;
    }

    static String keychainTimeout(String action, Duration timeout) {
        return "The desktop keychain did not " + action + " the key within " + timeout.toSeconds()
                + " s (is it locked and waiting for a password?)";
    }

    static String keychainUnusable(Exception cause) {
        return "Cannot run secret-tool: " + cause.getMessage();
    }
}
