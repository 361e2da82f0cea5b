package io.simcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.UserFolders;
import io.simcast.generate.secrets.SecretStores;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simcast llm} and {@code simcast generate}, with settings and keys in a temporary folder. */
class LlmCommandsTest {
    private static final String KEY = "sk-cli-test-42";

    @TempDir
    Path folder;

    private final InputStream stdin = System.in;

    private record Outcome(int exitCode, String out, String err) {}

    @BeforeEach
    void useATemporaryConfigFolder() {
        System.setProperty(UserFolders.SETTINGS_PROPERTY, folder.toString());
        System.setProperty(SecretStores.CHOICE_PROPERTY, "file");
    }

    @AfterEach
    void restore() {
        System.clearProperty(UserFolders.SETTINGS_PROPERTY);
        System.clearProperty(SecretStores.CHOICE_PROPERTY);
        System.setIn(stdin);
    }

    private static Outcome simcast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimcastCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void generateWithoutAnyProviderSaysWhereToSetOneUpAndWritesNothing() {
        Path out = folder.resolve("scene.xml");

        Outcome generate = simcast("generate", "--prompt", "a double pendulum next to a ramp", "--out", out.toString());

        assertThat(generate.exitCode()).isEqualTo(1);
        assertThat(generate.err()).isEqualTo("simcast: No language model is set up: open Settings and add an API key "
                + "for OpenAI, Anthropic or Gemini, or the address of an OpenAI-compatible server (Ollama, vLLM)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aKeyReadFromStdinIsStoredAndTheListingNeverPrintsIt() throws Exception {
        System.setIn(new ByteArrayInputStream((KEY + "\n").getBytes(StandardCharsets.UTF_8)));

        Outcome set = simcast("llm", "set", "--provider", "anthropic", "--key-stdin");
        Outcome list = simcast("llm", "list");

        assertThat(set.exitCode()).isZero();
        assertThat(set.out()).isEqualTo("Anthropic is set up with model claude-sonnet-4-5 at "
                + "https://api.anthropic.com/v1; its key is stored\n");
        assertThat(list.out()).isEqualTo("anthropic          claude-sonnet-4-5         https://api.anthropic.com/v1  "
                + "key stored  (default)\nKeys are kept in the file " + folder.resolve("secrets.json")
                + " (readable only by you)\n");
        assertThat(Files.readString(folder.resolve("secrets.json"))).contains(KEY);
        assertThat(set.out() + set.err() + list.out() + list.err()).doesNotContain(KEY);
    }

    @Test
    void removingAProviderDeletesItsKey() throws Exception {
        System.setIn(new ByteArrayInputStream(KEY.getBytes(StandardCharsets.UTF_8)));
        simcast("llm", "set", "--provider", "openai", "--key-stdin");

        Outcome remove = simcast("llm", "remove", "--provider", "openai");

        assertThat(remove.out()).isEqualTo("OpenAI removed; its key is deleted\n");
        assertThat(folder.resolve("secrets.json")).doesNotExist();
        assertThat(simcast("llm", "list").out()).startsWith("No language model is set up");
    }

    @Test
    void anOpenAiCompatibleServerWithoutAnAddressIsRefusedInOneLine() {
        Outcome set = simcast("llm", "set", "--provider", "openai-compatible", "--model", "llama3.1");

        assertThat(set.exitCode()).isEqualTo(1);
        assertThat(set.err()).isEqualTo("simcast: The OpenAI-compatible server needs base_url, its address (for a "
                + "local Ollama: http://localhost:11434/v1)\n");
    }

    @Test
    void testingAProviderThatIsNotSetUpFails() {
        Outcome test = simcast("llm", "test", "--provider", "gemini");

        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.err()).isEqualTo("Gemini is not set up: add its API key in Settings\n");
    }
}
