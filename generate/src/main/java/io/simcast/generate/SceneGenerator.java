package io.simcast.generate;

import dev.langchain4j.model.chat.ChatModel;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a plain-language description into a scene that compiles and runs: asks the configured language model for
 * MJCF, compiles each reply, runs it, and sends failures back until one works or the attempts run out. Only a scene
 * that passed is ever handed out, and loading it is the caller's job, so a failed generation never replaces the
 * running scene.
 *
 * <p>Each {@link #start} runs on its own daemon thread, {@code simcast-generate-N}; any thread may start generations,
 * and several may run at once (each compiles its own models).
 */
public final class SceneGenerator {
    private static final Logger log = LoggerFactory.getLogger(SceneGenerator.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final LlmConfiguration configuration;
    private final GenerationOptions options;
    private final CandidateCompiler compiler;

    public SceneGenerator(LlmConfiguration configuration, GenerationOptions options, CandidateCompiler compiler) {
        this.configuration = configuration;
        this.options = options;
        this.compiler = compiler;
    }

    /** Checks every candidate in a separate process first ({@link CandidateCompiler#isolated()}). */
    public SceneGenerator(LlmConfiguration configuration, GenerationOptions options) {
        this(configuration, options, CandidateCompiler.isolated());
    }

    /**
     * Starts generating. Events reach {@code listener} on the generation thread as they happen; the task's result
     * completes after the last one.
     */
    public GenerationTask start(GenerationRequest request, GenerationListener listener) {
        GenerationTask task = new GenerationTask();
        Thread thread = Thread.ofPlatform().daemon().name("simcast-generate-" + THREADS.incrementAndGet())
                .unstarted(() -> run(request, task, listener));
        task.runOn(thread);
        thread.start();
        return task;
    }

    private void run(GenerationRequest request, GenerationTask task, GenerationListener listener) {
        EventReporter events = new EventReporter(listener);
        ProviderSettings settings;
        try {
            Provider provider = request.provider() != null
                    ? request.provider()
                    : configuration.defaultProvider().orElseThrow(
                            () -> new LlmConfigurationException(LlmMessages.noProviderConfigured()));
            settings = configuration.settings(provider);
        } catch (LlmConfigurationException e) {
            refuse(e.getMessage(), task, events);
            return;
        }
        try {
            ChatModel model = ChatModels.create(settings, options.requestTimeout());
            new GenerationLoop(settings, model, new CandidateEvaluator(compiler, options.checkSeconds()), options,
                    task, events).run(request.prompt());
        } catch (RuntimeException e) {
            log.error("Scene generation stopped on an unexpected error", e);
            refuse(LlmMessages.unexpected(e), task, events);
        }
    }

    private static void refuse(String reason, GenerationTask task, EventReporter events) {
        events.report(new GenerationEvent.Failed(0, reason));
        task.fail(new GenerationException(reason));
    }
}
