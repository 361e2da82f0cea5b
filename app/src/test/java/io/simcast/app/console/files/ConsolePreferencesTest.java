package io.simcast.app.console.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolePreferencesTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path folder;

    @Test
    void rememberTheLastSceneAndRecentFilesAcrossRuns() {
        ConsolePreferences first = ConsolePreferences.load(folder, INLINE);
        assertThat(first.lastScene()).isEmpty();
        first.rememberScene("cartpole");
        first.addRecent(folder.resolve("a.xml"));
        first.addRecent(folder.resolve("b.xml"));
        first.addRecent(folder.resolve("a.xml"));

        ConsolePreferences next = ConsolePreferences.load(folder, INLINE);
        assertThat(next.lastScene()).contains("cartpole");
        assertThat(next.recentFiles()).containsExactly(folder.resolve("a.xml"), folder.resolve("b.xml"));
    }

    @Test
    void keepTenRecentFiles() {
        ConsolePreferences preferences = ConsolePreferences.load(folder, INLINE);
        for (int i = 0; i < 12; i++) {
            preferences.addRecent(folder.resolve(i + ".xml"));
        }
        assertThat(preferences.recentFiles()).hasSize(10).startsWith(folder.resolve("11.xml"))
                .endsWith(folder.resolve("2.xml"));
    }
}
