package io.simcast.app.console;

import java.nio.file.Path;
import java.util.Map;

/** Where the console keeps its preferences and recovery files: the XDG data folder. Any thread. */
public final class DataFolder {
    private DataFolder() {}

    /** {@code $XDG_DATA_HOME/simcast}, or {@code ~/.local/share/simcast} when that is unset or not absolute. */
    public static Path resolve(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local/share");
        return base.resolve("simcast");
    }

    /** The data folder of the person running Simcast. */
    public static Path ofUser() {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
