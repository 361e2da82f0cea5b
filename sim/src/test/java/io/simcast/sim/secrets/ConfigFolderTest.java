package io.simcast.sim.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFolderTest {

    @Test
    void linuxUsesXdgConfigHome() {
        assertThat(ConfigFolder.resolve(null, Map.of("XDG_CONFIG_HOME", "/home/ada/.cfg"), "Linux", "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.cfg/simcast"));
    }

    @Test
    void linuxFallsBackToDotConfigWhenXdgIsUnsetOrRelative() {
        assertThat(ConfigFolder.resolve(null, Map.of(), "Linux", "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.config/simcast"));
        assertThat(ConfigFolder.resolve(null, Map.of("XDG_CONFIG_HOME", "relative/cfg"), "Linux", "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.config/simcast"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(ConfigFolder.resolve(null, Map.of(), "Mac OS X", "/Users/ada"))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Simcast"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(ConfigFolder.resolve(null, Map.of("APPDATA", "/c/Users/ada/AppData/Roaming"), "Windows 11", "/c"))
                .isEqualTo(Path.of("/c/Users/ada/AppData/Roaming/Simcast"));
    }

    @Test
    void theOverridePropertyWinsEverywhere() {
        assertThat(ConfigFolder.resolve("/tmp/portable", Map.of("XDG_CONFIG_HOME", "/x"), "Linux", "/home/ada"))
                .isEqualTo(Path.of("/tmp/portable"));
    }
}
