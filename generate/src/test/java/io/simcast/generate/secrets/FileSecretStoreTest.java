package io.simcast.generate.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {
    @TempDir
    Path home;

    private Path folder() {
        return home.resolve(".config").resolve("simcast");
    }

    @Test
    void aStoredKeyIsReadBackFromAFileOnlyItsOwnerCanRead() throws Exception {
        FileSecretStore store = new FileSecretStore(folder());
        store.write("llm.openai", "sk-test-1234");

        assertThat(store.read("llm.openai")).contains("sk-test-1234");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
        assertThat(new FileSecretStore(folder()).read("llm.openai")).as("a fresh store reads the same file")
                .contains("sk-test-1234");
    }

    @Test
    void replacingOneKeyKeepsTheOthers() throws Exception {
        FileSecretStore store = new FileSecretStore(folder());
        store.write("llm.openai", "sk-old");
        store.write("llm.anthropic", "sk-ant-1");
        store.write("llm.openai", "sk-new");

        assertThat(store.read("llm.openai")).contains("sk-new");
        assertThat(store.read("llm.anthropic")).contains("sk-ant-1");
        assertThat(Files.readString(store.file())).doesNotContain("sk-old");
    }

    @Test
    void removingTheLastKeyDeletesTheFile() throws Exception {
        FileSecretStore store = new FileSecretStore(folder());
        store.write("llm.openai", "sk-a");
        store.write("llm.gemini", "AIza-b");

        store.delete("llm.openai");
        assertThat(store.read("llm.openai")).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("sk-a").contains("AIza-b");

        store.delete("llm.gemini");
        assertThat(store.file()).doesNotExist();
        store.delete("llm.gemini"); // nothing there: no error
    }

    @Test
    void aKeyFileOthersCanReadIsRestrictedToItsOwnerOnTheNextRead() throws Exception {
        FileSecretStore store = new FileSecretStore(folder());
        store.write("llm.openai", "sk-a");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(store.read("llm.openai")).contains("sk-a");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedFileIsReportedWithoutQuotingItsContent() throws Exception {
        FileSecretStore store = new FileSecretStore(folder());
        Files.createDirectories(folder());
        Files.writeString(store.file(), "{\"llm.openai\": \"sk-leaked-if-quoted\"");

        assertThatThrownBy(() -> store.read("llm.openai"))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("The key file " + store.file() + " is damaged (not a JSON object of names to keys); "
                        + "move it away and enter the keys again")
                .hasNoCause();
    }

    @Test
    void namesThatCouldEscapeTheirPlaceAreRefused() {
        FileSecretStore store = new FileSecretStore(folder());
        assertThatThrownBy(() -> store.write("../llm", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.read("LLM OPENAI")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itDescribesWhereTheKeysAre() {
        assertThat(new FileSecretStore(folder()).description())
                .isEqualTo("the file " + folder().resolve("secrets.json") + " (readable only by you)");
    }
}
