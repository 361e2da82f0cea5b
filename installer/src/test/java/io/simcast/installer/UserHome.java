package io.simcast.installer;

import io.simcast.sim.UserFolders;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fresh person's session for the installed app: an empty home with the XDG folders inside it, no JDK, no Maven,
 * only the system's PATH. (The JVM takes {@code user.home} from the password database, so the XDG variables are
 * what moves Simcast's folders here.)
 */
record UserHome(Path home) {

    /** The environment a desktop session would give the installed app. */
    Map<String, String> environment() {
        return Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "XDG_DATA_HOME", home.resolve(".local/share").toString(),
                "XDG_STATE_HOME", home.resolve(".local/state").toString(),
                "LANG", "C.UTF-8");
    }

    /** Where the installed app should keep this person's files. */
    UserFolders folders() {
        return UserFolders.resolve(null, environment(), "Linux", home);
    }
}
