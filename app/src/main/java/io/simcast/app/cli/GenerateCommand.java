package io.simcast.app.cli;

import io.simcast.generate.GeneratedScene;
import io.simcast.generate.GenerationException;
import io.simcast.generate.GenerationOptions;
import io.simcast.generate.GenerationRequest;
import io.simcast.generate.GenerationTask;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.Provider;
import io.simcast.generate.SceneGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simcast generate}: a scene from a description, written only when it compiles and runs. Progress lines go to
 * stdout as the generation thread reports them.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a scene from a plain-language description with the language model set up by "
                + "'simcast llm set'. The file is written only when the scene compiles and runs cleanly.")
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "The scene, in plain language.")
    String prompt;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the MJCF.")
    Path out;

    @Option(names = "--provider", paramLabel = "P",
            description = "openai, anthropic, gemini or openai-compatible (default: the one set up last).")
    String provider;

    @Option(names = "--attempts", defaultValue = "3", paramLabel = "N",
            description = "Replies to ask for, repairs included (default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Longest wait for one reply (default ${DEFAULT-VALUE}).")
    long timeout;

    @Override
    public Integer call() throws Exception {
        GenerationOptions options = GenerationOptions.DEFAULT.withMaxAttempts(attempts)
                .withRequestTimeout(Duration.ofSeconds(timeout));
        GenerationRequest request = new GenerationRequest(prompt, provider == null ? null : Provider.fromId(provider));
        PrintWriter console = spec.commandLine().getOut();
        GenerationTask task = new SceneGenerator(LlmConfiguration.forThisUser(), options)
                .start(request, event -> {
                    console.println(event.message());
                    console.flush();
                });
        GeneratedScene generated;
        try {
            generated = task.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GenerationException failure) {
                throw failure;
            }
            throw e;
        }
        try {
            Files.writeString(out, generated.xml() + "\n");
        } finally {
            generated.scene().release();
        }
        console.println("Wrote " + out);
        console.flush();
        return 0;
    }
}
