package io.simcast.app.console.generate;

import io.simcast.app.console.kit.Failures;
import io.simcast.app.console.kit.Texts;
import io.simcast.app.console.editor.EditorViewModel;
import io.simcast.app.console.files.DocumentViewModel;
import io.simcast.app.console.log.LogViewModel;
import io.simcast.generate.GeneratedScene;
import io.simcast.generate.GenerationEvent;
import io.simcast.generate.GenerationOptions;
import io.simcast.generate.GenerationRequest;
import io.simcast.generate.GenerationTask;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.LlmConfigurationException;
import io.simcast.generate.Provider;
import io.simcast.generate.ProviderStatus;
import io.simcast.generate.SceneGenerator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Generate scene": a description in plain words, the provider to ask (those set up in the language-model settings,
 * the default first), every attempt and its outcome as it happens, Cancel; on success the scene's MJCF goes into the
 * editor (to keep editing) and the compiled scene loads. A failed or cancelled generation changes nothing.
 *
 * <p>JavaFX thread. The settings are read on the console's language-model thread; generation runs on its own thread
 * ({@code simcast-generate-N}); events and results come back through {@code fx}.
 */
public final class GenerateViewModel {
    private final Supplier<LlmConfiguration> configuration;
    private final GenerationOptions options;
    private final DocumentViewModel documents;
    private final EditorViewModel editor;
    private final LogViewModel log;
    private final Executor llmThread;
    private final Executor fx;
    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObservableList<Provider> providers = FXCollections.observableArrayList();
    private final ObjectProperty<Provider> provider = new SimpleObjectProperty<>();
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    /** The generation in progress: its task, once started, and whether the operator cancelled it. */
    private Run run;

    private static final class Run {
        private GenerationTask task;
        private boolean cancelled;
    }

    /** @param configuration the language-model settings; read only on {@code llmThread} */
    public GenerateViewModel(Supplier<LlmConfiguration> configuration, GenerationOptions options,
                             DocumentViewModel documents, EditorViewModel editor, LogViewModel log, Executor llmThread,
                             Executor fx) {
        this.configuration = configuration;
        this.options = options;
        this.documents = documents;
        this.editor = editor;
        this.log = log;
        this.llmThread = llmThread;
        this.fx = fx;
    }

    /** What the operator asks for. */
    public StringProperty prompt() {
        return prompt;
    }

    /** The providers that are set up; empty until {@link #refresh()} read them, or when none is. */
    public ObservableList<Provider> providers() {
        return providers;
    }

    /** The provider to ask; null asks the default one. */
    public ObjectProperty<Provider> provider() {
        return provider;
    }

    /** Each step of the generation in progress (or the last one), as one line, oldest first. */
    public ObservableList<String> events() {
        return events;
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /** How the last generation ended, in one sentence; empty while none ended. */
    public ReadOnlyStringProperty outcome() {
        return outcome.getReadOnlyProperty();
    }

    /** Whether the last generation ended without a scene. */
    public ReadOnlyBooleanProperty failed() {
        return failed.getReadOnlyProperty();
    }

    /**
     * Reads which providers are set up (the default one selected).
     *
     * @return completes once the list is shown
     */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return configuration.get().list();
            } catch (LlmConfigurationException e) {
                throw new CompletionException(e);
            }
        }, llmThread).handleAsync((statuses, failure) -> {
            if (failure != null) {
                showOutcome(Failures.cause(failure).getMessage(), true);
                return null;
            }
            Provider selected = provider.get();
            providers.setAll(statuses.stream().map(ProviderStatus::provider).toList());
            if (selected == null || !providers.contains(selected)) {
                provider.set(statuses.stream().filter(ProviderStatus::isDefault).map(ProviderStatus::provider)
                        .findFirst().orElse(null));
            }
            return null;
        }, fx);
    }

    /** Starts generating from the prompt; ignored while a generation runs. */
    public void generate() {
        if (running.get()) {
            return;
        }
        events.clear();
        showOutcome("", false);
        running.set(true);
        GenerationRequest request;
        try {
            request = new GenerationRequest(prompt.get(), provider.get());
        } catch (IllegalArgumentException e) {
            running.set(false);
            showOutcome(e.getMessage(), true);
            return;
        }
        Run current = new Run();
        run = current;
        CompletableFuture.supplyAsync(configuration, llmThread).thenAcceptAsync(settings -> {
            if (current.cancelled) {
                return; // cancelled while the settings were read
            }
            current.task = new SceneGenerator(settings, options)
                    .start(request, event -> fx.execute(() -> show(current, event)));
            current.task.result().whenCompleteAsync((generated, failure) -> finished(current, generated, failure), fx);
        }, fx);
    }

    /** Stops the generation in progress; the running scene stays. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        run.cancelled = true;
        running.set(false);
        String cancelled = new GenerationEvent.Cancelled(0).message(); // the generator's own words
        events.add(cancelled);
        showOutcome(cancelled, true);
        if (run.task != null) {
            run.task.cancel();
        }
    }

    /** One step, unless it belongs to a generation the operator cancelled (its thread may still report). */
    private void show(Run from, GenerationEvent event) {
        if (!from.cancelled) {
            events.add(event.message());
        }
    }

    private void finished(Run from, GeneratedScene generated, Throwable failure) {
        if (from.cancelled) {
            if (generated != null) {
                generated.scene().release(); // it was done just before Cancel
            }
            return;
        }
        if (failure != null) {
            running.set(false);
            showOutcome(Failures.cause(failure).getMessage(), true);
            return;
        }
        documents.takeGenerated(generated.xml()).thenAccept(taken -> {
            running.set(false);
            if (taken) {
                editor.applyCompiled(generated.scene());
                String title = generated.scene().title();
                showOutcome(Texts.generated(title, generated.attempts()), false);
                log.info(Texts.generated(title, generated.attempts()));
            } else {
                generated.scene().release();
                showOutcome(Texts.GENERATED_NOT_TAKEN, true);
            }
        });
    }

    private void showOutcome(String text, boolean problem) {
        outcome.set(text);
        failed.set(problem);
    }
}
