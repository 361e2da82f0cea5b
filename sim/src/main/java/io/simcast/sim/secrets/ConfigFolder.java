package io.simcast.sim.secrets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Simcast keeps this user's settings: {@code $XDG_CONFIG_HOME/simcast} (else {@code ~/.config/simcast}) on
 * Linux, {@code ~/Library/Application Support/Simcast} on macOS, {@code %APPDATA%\Simcast} on Windows. The system
 * property {@value #OVERRIDE_PROPERTY} wins over all of them (tests, portable installs). Stateless; any thread.
 */
public final class ConfigFolder {
    /** System property naming the folder explicitly. */
    public static final String OVERRIDE_PROPERTY = "simcast.config.dir";

    private ConfigFolder() {}

    /** The folder for the user running this JVM; it may not exist yet. */
    public static Path forThisUser() {
        return resolve(System.getProperty(OVERRIDE_PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home"));
    }

    static Path resolve(String override, Map<String, String> env, String osName, String home) {
        if (isSet(override)) {
            return Path.of(override);
        }
        String os = osName.toLowerCase();
        if (os.startsWith("windows") && isSet(env.get("APPDATA"))) {
            return Path.of(env.get("APPDATA"), "Simcast");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Simcast");
        }
        // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CONFIG_HOME");
        if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "simcast");
        }
        return Path.of(home, ".config", "simcast");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
