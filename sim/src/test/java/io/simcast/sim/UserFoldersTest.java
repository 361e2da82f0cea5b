package io.simcast.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFoldersTest {
    private static final Path ADA = Path.of("/home/ada");

    @Test
    void linuxFollowsTheXdgVariables() {
        UserFolders folders = UserFolders.resolve(null, Map.of("XDG_CONFIG_HOME", "/home/ada/.cfg",
                "XDG_DATA_HOME", "/data", "XDG_STATE_HOME", "/state"), "Linux", ADA);

        assertThat(folders.settings()).isEqualTo(Path.of("/home/ada/.cfg/simcast"));
        assertThat(folders.scenes()).isEqualTo(Path.of("/data/simcast/scenes"));
        assertThat(folders.recovery()).isEqualTo(Path.of("/data/simcast/recovery"));
        assertThat(folders.logs()).isEqualTo(Path.of("/state/simcast/logs"));
    }

    @Test
    void linuxFallsBackToTheXdgDefaultsWhenAVariableIsUnsetOrRelative() {
        UserFolders unset = UserFolders.resolve(null, Map.of(), "Linux", ADA);
        UserFolders relative = UserFolders.resolve(null, Map.of("XDG_CONFIG_HOME", "cfg", "XDG_DATA_HOME", "data",
                "XDG_STATE_HOME", "state"), "Linux", ADA);

        for (UserFolders folders : new UserFolders[] {unset, relative}) {
            assertThat(folders.settings()).isEqualTo(Path.of("/home/ada/.config/simcast"));
            assertThat(folders.data()).isEqualTo(Path.of("/home/ada/.local/share/simcast"));
            assertThat(folders.logs()).isEqualTo(Path.of("/home/ada/.local/state/simcast/logs"));
        }
    }

    @Test
    void macOsUsesApplicationSupportAndLibraryLogs() {
        UserFolders folders = UserFolders.resolve(null, Map.of(), "Mac OS X", Path.of("/Users/ada"));

        assertThat(folders.settings()).isEqualTo(Path.of("/Users/ada/Library/Application Support/Simcast"));
        assertThat(folders.scenes()).isEqualTo(Path.of("/Users/ada/Library/Application Support/Simcast/scenes"));
        assertThat(folders.logs()).isEqualTo(Path.of("/Users/ada/Library/Logs/Simcast"));
    }

    @Test
    void windowsKeepsSettingsAndScenesInAppDataAndLogsInLocalAppData() {
        UserFolders folders = UserFolders.resolve(null, Map.of("APPDATA", "/c/Users/ada/AppData/Roaming",
                "LOCALAPPDATA", "/c/Users/ada/AppData/Local"), "Windows 11", Path.of("/c/Users/ada"));

        assertThat(folders.settings()).isEqualTo(Path.of("/c/Users/ada/AppData/Roaming/Simcast"));
        assertThat(folders.scenes()).isEqualTo(Path.of("/c/Users/ada/AppData/Roaming/Simcast/scenes"));
        assertThat(folders.logs()).isEqualTo(Path.of("/c/Users/ada/AppData/Local/Simcast/logs"));
    }

    @Test
    void theSettingsPropertyMovesOnlyTheSettings() {
        UserFolders folders = UserFolders.resolve("/tmp/portable", Map.of("XDG_CONFIG_HOME", "/x"), "Linux", ADA);

        assertThat(folders.settings()).isEqualTo(Path.of("/tmp/portable"));
        assertThat(folders.data()).isEqualTo(Path.of("/home/ada/.local/share/simcast"));
    }

    @Test
    void createMakesEveryFolderAndLeavesExistingFilesAlone(@TempDir Path home) throws Exception {
        UserFolders folders = UserFolders.resolve(null, Map.of(), "Linux", home);
        Files.createDirectories(folders.scenes());
        Path mine = Files.writeString(folders.scenes().resolve("arm.xml"), "<mujoco/>");

        folders.create();
        folders.create();

        assertThat(folders.settings()).isDirectory();
        assertThat(folders.recovery()).isDirectory();
        assertThat(folders.logs()).isDirectory();
        assertThat(mine).hasContent("<mujoco/>");
    }
}
