package io.simcast.app.console;

import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.secrets.FileSecretStore;
import io.simcast.streaming.host.StreamingConfig;
import java.nio.file.Path;

/** Console options for tests: everything inside the test's folder, the host (when wanted) on a free port. */
public final class TestOptions {
    private TestOptions() {}

    /** No streaming host; language-model settings and keys in {@code folder/config}. */
    public static ConsoleOptions of(Path folder, String scene) {
        return new ConsoleOptions(folder, scene, null, () -> llm(folder));
    }

    /** As {@link #of}, with the streaming host on 127.0.0.1 and a free port, its share links kept in the folder. */
    public static ConsoleOptions sharing(Path folder, String scene) {
        return new ConsoleOptions(folder, scene, StreamingConfig.builder().host("127.0.0.1").port(0)
                .linkFile(folder.resolve("share-links.json")).build(), () -> llm(folder));
    }

    public static LlmConfiguration llm(Path folder) {
        Path config = folder.resolve("config");
        return new LlmConfiguration(config, new FileSecretStore(config));
    }
}
