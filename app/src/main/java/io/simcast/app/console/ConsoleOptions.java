package io.simcast.app.console;

import io.simcast.sim.UserFolders;
import io.simcast.generate.LlmConfiguration;
import io.simcast.streaming.host.StreamingConfig;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * How a console starts. Immutable.
 *
 * @param dataFolder where preferences, recovery files and screenshots go ({@link UserFolders#data()})
 * @param scene a preset id, file or folder to start with, or null for the last scene
 * @param sharing the embedded streaming host's settings (what {@code simcast serve} takes), or null to share nothing
 * @param llm the language-model settings scene generation uses; called once, off the JavaFX thread, when first
 *     needed (finding the keychain runs a short process)
 */
public record ConsoleOptions(Path dataFolder, String scene, StreamingConfig sharing, Supplier<LlmConfiguration> llm) {

    /** The person's own data folder and language-model settings. */
    public static ConsoleOptions ofUser(String scene, StreamingConfig sharing) {
        return new ConsoleOptions(UserFolders.forThisUser().data(), scene, sharing, LlmConfiguration::forThisUser);
    }
}
