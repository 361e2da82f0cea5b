package io.simcast.generate.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the store against a stand-in {@code secret-tool} (a shell script with the real command's arguments, exit codes
 * and stdin/stdout behaviour) that keeps items as files and logs its command lines. No Secret Service runs here;
 * docs/LLM.md says how the real one was exercised.
 */
class SecretServiceStoreTest {
    @TempDir
    Path folder;

    /** Writes a fake secret-tool whose body handles "$@"; returns its path. */
    private Path fakeSecretTool(String body) throws Exception {
        Path script = folder.resolve("secret-tool");
        Files.writeString(script, "#!/bin/sh\nitems='" + folder + "'\nprintf '%s\\n' \"$*\" >> \"$items/argv.log\"\n"
                + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** Behaves like secret-tool against an unlocked keychain: store reads stdin, lookup prints, clear removes. */
    private Path workingSecretTool() throws Exception {
        return fakeSecretTool("""
                case "$1" in
                  store) cat > "$items/item-$7" ;;
                  lookup) [ -f "$items/item-$5" ] || exit 1; cat "$items/item-$5" ;;
                  clear) [ -f "$items/item-$5" ] || exit 1; rm "$items/item-$5" ;;
                esac
                """);
    }

    private SecretServiceStore store(Path tool, Duration timeout) {
        return new SecretServiceStore(List.of(tool.toString()), timeout);
    }

    @Test
    void aKeyTravelsThroughStdinAndStdoutNeverOnTheCommandLine() throws Exception {
        SecretServiceStore store = store(workingSecretTool(), Duration.ofSeconds(10));
        store.write("llm.openai", "sk-secret-5678");

        assertThat(store.read("llm.openai")).contains("sk-secret-5678");
        assertThat(Files.readString(folder.resolve("argv.log")))
                .contains("store --label Simcast: llm.openai service simcast account llm.openai")
                .contains("lookup service simcast account llm.openai")
                .doesNotContain("sk-secret-5678");
    }

    @Test
    void aMissingItemReadsAsEmptyAndRemovingItIsNoError() throws Exception {
        SecretServiceStore store = store(workingSecretTool(), Duration.ofSeconds(10));
        store.write("llm.gemini", "AIza-1");
        store.delete("llm.gemini");

        assertThat(store.read("llm.gemini")).isEmpty();
        store.delete("llm.gemini");
    }

    @Test
    void theKeychainsOwnErrorReachesTheUser() throws Exception {
        SecretServiceStore store = store(fakeSecretTool(
                "echo 'secret-tool: Cannot create an item in a locked collection' >&2\nexit 1\n"),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> store.write("llm.openai", "sk-x"))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("The desktop keychain could not store the key: "
                        + "secret-tool: Cannot create an item in a locked collection");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // the keychain below would keep a waiting store for ten
    void aKeychainThatDoesNotAnswerTimesOut() throws Exception {
        SecretServiceStore store = store(fakeSecretTool("exec sleep 600\n"), Duration.ofSeconds(1));

        assertThatThrownBy(() -> store.read("llm.openai"))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("The desktop keychain did not read the key within 1 s (is it locked and waiting for a "
                        + "password?)");
    }

    @Test
    void detectionNeedsSecretToolASessionBusAndAnAnsweringService() throws Exception {
        Path tool = workingSecretTool();
        String path = tool.getParent().toString();
        Duration timeout = Duration.ofSeconds(10);

        assertThat(SecretServiceStore.detect(Map.of("PATH", "/nonexistent"), timeout)).as("no secret-tool").isEmpty();
        assertThat(SecretServiceStore.detect(Map.of("PATH", path), timeout)).as("no session bus").isEmpty();
        assertThat(SecretServiceStore.detect(Map.of("PATH", path, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x"),
                timeout)).as("everything there").isPresent();

        fakeSecretTool("echo 'secret-tool: The name org.freedesktop.secrets was not provided by any .service files' "
                + ">&2\nexit 1\n");
        assertThat(SecretServiceStore.detect(Map.of("PATH", path, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x"),
                timeout)).as("no Secret Service on the bus").isEmpty();
    }
}
