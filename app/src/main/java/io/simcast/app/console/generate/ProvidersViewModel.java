package io.simcast.app.console.generate;

import io.simcast.app.console.kit.Failures;
import io.simcast.app.console.kit.Texts;
import io.simcast.generate.ConnectionTester;
import io.simcast.generate.LlmConfiguration;
import io.simcast.generate.LlmConfigurationException;
import io.simcast.generate.Provider;
import io.simcast.generate.ProviderSettings;
import io.simcast.generate.ProviderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The language-model settings: every provider with what is set up for it (never a key: only whether one is stored),
 * a form to set one up or change it (key, model, address), remove it, and test the connection, with the outcome in
 * plain words. A typed key goes to the key store on Save and leaves the form at once.
 *
 * <p>JavaFX thread. Settings, keys and connection tests are handled on the console's language-model thread (disk,
 * keychain, network) and reported back through {@code fx}.
 */
public final class ProvidersViewModel {
    private final Supplier<LlmConfiguration> configuration;
    private final Duration testTimeout;
    private final Executor llmThread;
    private final Executor fx;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObjectProperty<Provider> chosen = new SimpleObjectProperty<>(Provider.OPENAI);
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keyStorage = new ReadOnlyStringWrapper("");
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private List<ProviderStatus> statuses = List.of();

    /** @param configuration the settings; read only on {@code llmThread} */
    public ProvidersViewModel(Supplier<LlmConfiguration> configuration, Duration testTimeout, Executor llmThread,
                              Executor fx) {
        this.configuration = configuration;
        this.testTimeout = testTimeout;
        this.llmThread = llmThread;
        this.fx = fx;
        chosen.addListener((property, old, provider) -> fillForm());
    }

    /** One line per provider, in {@link Provider} order: what is set up, or that nothing is. */
    public ObservableList<String> lines() {
        return lines;
    }

    /** The provider the form is about. */
    public ObjectProperty<Provider> chosen() {
        return chosen;
    }

    /** A key typed to store; empty keeps the stored one. Cleared once saved. */
    public StringProperty key() {
        return key;
    }

    public StringProperty model() {
        return model;
    }

    public StringProperty baseUrl() {
        return baseUrl;
    }

    /** Whether the chosen provider has a key stored. */
    public ReadOnlyBooleanProperty keyStored() {
        return keyStored.getReadOnlyProperty();
    }

    /** Whether a save, removal or test is under way. */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action came to, in one sentence. */
    public ReadOnlyStringProperty report() {
        return report.getReadOnlyProperty();
    }

    /** Whether the report is a problem. */
    public ReadOnlyBooleanProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** Where keys are kept, in words. */
    public ReadOnlyStringProperty keyStorage() {
        return keyStorage.getReadOnlyProperty();
    }

    /** Runs (JavaFX thread) after every change to the settings. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Reads the settings into the list and the form. */
    public CompletableFuture<Void> refresh() {
        return onLlmThread(() -> {
            LlmConfiguration settings = configuration.get();
            return new Listing(settings.list(), settings.keyStorage());
        }).thenAccept(listing -> {
            if (listing != null) {
                show(listing);
            }
        });
    }

    /** Sets the chosen provider up as the form says; it becomes the default. */
    public CompletableFuture<Void> save() {
        ProviderSettings settings;
        try {
            settings = new ProviderSettings(chosen.get(), key.get(), model.get(), baseUrl.get());
        } catch (IllegalArgumentException e) {
            tell(e.getMessage(), true);
            return CompletableFuture.completedFuture(null);
        }
        key.set(""); // the key goes to the store and nowhere else
        return act(() -> {
            ProviderStatus status = configuration.get().configure(settings);
            return Texts.providerSaved(status.provider().displayName(), status.model(), status.keyStored());
        });
    }

    /** Forgets the chosen provider and deletes its key. */
    public CompletableFuture<Void> remove() {
        Provider provider = chosen.get();
        return act(() -> configuration.get().remove(provider) ? Texts.providerRemoved(provider.displayName())
                : Texts.providerNotSetUp(provider.displayName()));
    }

    /** Sends the chosen provider, as saved, a one-line request and reports its answer or its error. */
    public CompletableFuture<Void> test() {
        Provider provider = chosen.get();
        busy.set(true);
        tell(Texts.TESTING, false);
        return onLlmThread(() -> new ConnectionTester(configuration.get(), testTimeout).test(provider))
                .thenAccept(outcome -> {
                    busy.set(false);
                    if (outcome != null) {
                        tell(outcome.message(), !outcome.ok());
                    }
                });
    }

    private record Listing(List<ProviderStatus> statuses, String keyStorage) {}

    private record Done(String said, Listing listing) {}

    /** Runs a change on the language-model thread, then reports it and reads the settings afresh. */
    private CompletableFuture<Void> act(Callable<String> change) {
        busy.set(true);
        return onLlmThread(() -> {
            String said = change.call();
            LlmConfiguration settings = configuration.get();
            return new Done(said, new Listing(settings.list(), settings.keyStorage()));
        }).thenAccept(done -> {
            busy.set(false);
            if (done != null) {
                show(done.listing());
                tell(done.said(), false);
                changeListeners.forEach(Runnable::run);
            }
        });
    }

    /** Runs {@code work} on the language-model thread; a failure is reported and completes with null. */
    private <T> CompletableFuture<T> onLlmThread(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, llmThread).handleAsync((value, failure) -> {
            if (failure != null) {
                busy.set(false);
                Throwable cause = Failures.cause(failure);
                tell(cause instanceof LlmConfigurationException || cause instanceof IllegalArgumentException
                        ? cause.getMessage() : String.valueOf(cause), true);
                return null;
            }
            return value;
        }, fx);
    }

    private void show(Listing listing) {
        statuses = listing.statuses();
        keyStorage.set(Texts.keysKeptIn(listing.keyStorage()));
        List<String> shown = new ArrayList<>();
        for (Provider provider : Provider.values()) {
            shown.add(status(provider).map(s -> Texts.providerLine(provider.displayName(), s.model(), s.baseUrl(),
                    s.keyStored(), s.isDefault())).orElse(Texts.providerNotSetUp(provider.displayName())));
        }
        lines.setAll(shown);
        fillForm();
    }

    /** The form shows what is set up for the chosen provider, else its defaults; never a key. */
    private void fillForm() {
        Provider provider = chosen.get();
        Optional<ProviderStatus> status = status(provider);
        model.set(status.map(ProviderStatus::model).orElse(provider.defaultModel().orElse("")));
        baseUrl.set(status.map(ProviderStatus::baseUrl).orElse(provider.defaultBaseUrl().orElse("")));
        keyStored.set(status.map(ProviderStatus::keyStored).orElse(false));
        key.set("");
    }

    private Optional<ProviderStatus> status(Provider provider) {
        return statuses.stream().filter(s -> s.provider() == provider).findFirst();
    }

    private void tell(String text, boolean isProblem) {
        report.set(text);
        problem.set(isProblem);
    }
}
