package io.simcast.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where Simcast keeps one user's files, in the places each platform expects. The console (recovery, preferences),
 * the secrets and LLM settings and the installed app's log file all ask here, so there is one answer per platform:
 *
 * <table>
 *   <caption>Folders per platform</caption>
 *   <tr><th></th><th>Linux (XDG)</th><th>macOS</th><th>Windows</th></tr>
 *   <tr><td>settings</td><td>{@code $XDG_CONFIG_HOME/simcast}, else {@code ~/.config/simcast}</td>
 *       <td>{@code ~/Library/Application Support/Simcast}</td><td>{@code %APPDATA%\Simcast}</td></tr>
 *   <tr><td>data (scenes, recovery)</td><td>{@code $XDG_DATA_HOME/simcast}, else {@code ~/.local/share/simcast}</td>
 *       <td>{@code ~/Library/Application Support/Simcast}</td><td>{@code %APPDATA%\Simcast}</td></tr>
 *   <tr><td>logs</td><td>{@code $XDG_STATE_HOME/simcast/logs}, else {@code ~/.local/state/simcast/logs}</td>
 *       <td>{@code ~/Library/Logs/Simcast}</td><td>{@code %LOCALAPPDATA%\Simcast\logs}</td></tr>
 * </table>
 *
 * <p>A relative XDG variable is invalid by the XDG specification and ignored. The system property
 * {@value #SETTINGS_PROPERTY} names the settings folder explicitly (tests, portable installs). Nothing is created
 * until {@link #create()}. Immutable; any thread.
 *
 * @param settings settings and the secrets file
 * @param data the user's scenes and the console's recovery files and preferences
 * @param logs the installed app's log files
 */
public record UserFolders(Path settings, Path data, Path logs) {
    /** System property naming the settings folder, which then wins over the platform's. */
    public static final String SETTINGS_PROPERTY = "simcast.config.dir";

    /** The folders of the user running this JVM. */
    public static UserFolders forThisUser() {
        return resolve(System.getProperty(SETTINGS_PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /** The folders for a platform ({@code os.name}), an environment and a home folder. */
    public static UserFolders resolve(String settingsOverride, Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase();
        UserFolders platform;
        if (os.startsWith("windows") && isSet(env.get("APPDATA"))) {
            Path roaming = Path.of(env.get("APPDATA"), "Simcast");
            Path local = isSet(env.get("LOCALAPPDATA")) ? Path.of(env.get("LOCALAPPDATA"), "Simcast") : roaming;
            platform = new UserFolders(roaming, roaming, local.resolve("logs"));
        } else if (os.startsWith("mac")) {
            Path support = home.resolve("Library/Application Support/Simcast");
            platform = new UserFolders(support, support, home.resolve("Library/Logs/Simcast"));
        } else {
            platform = new UserFolders(xdg(env, "XDG_CONFIG_HOME", home, ".config"),
                    xdg(env, "XDG_DATA_HOME", home, ".local/share"),
                    xdg(env, "XDG_STATE_HOME", home, ".local/state").resolve("logs"));
        }
        return isSet(settingsOverride) ? new UserFolders(Path.of(settingsOverride), platform.data, platform.logs)
                : platform;
    }

    /** The user's own scenes. */
    public Path scenes() {
        return data.resolve("scenes");
    }

    /** The console's unsaved-edit recovery files. */
    public Path recovery() {
        return data.resolve("recovery");
    }

    /** Creates every folder that does not exist yet (settings, scenes, recovery, logs) and returns this. */
    public UserFolders create() throws IOException {
        for (Path folder : List.of(settings, scenes(), recovery(), logs)) {
            Files.createDirectories(folder);
        }
        return this;
    }

    private static Path xdg(Map<String, String> env, String variable, Path home, String fallback) {
        String value = env.get(variable);
        Path base = isSet(value) && Path.of(value).isAbsolute() ? Path.of(value) : home.resolve(fallback);
        return base.resolve("simcast");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
