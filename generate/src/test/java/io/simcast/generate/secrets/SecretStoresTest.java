package io.simcast.generate.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    @TempDir
    Path folder;

    @Test
    void withoutAKeychainKeysGoToThePrivateFile() {
        SecretStore store = SecretStores.choose("auto", Map.of("PATH", "/nonexistent"), folder);

        assertThat(store).isInstanceOf(FileSecretStore.class);
        assertThat(store.description()).isEqualTo("the file " + folder.resolve("secrets.json")
                + " (readable only by you)");
    }

    @Test
    void theFileChoiceSkipsTheKeychainProbe() {
        assertThat(SecretStores.choose("file", System.getenv(), folder)).isInstanceOf(FileSecretStore.class);
    }
}
