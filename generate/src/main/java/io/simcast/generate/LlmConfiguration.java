package io.simcast.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.sim.UserFolders;
import io.simcast.sim.PrivateFiles;
import io.simcast.generate.secrets.SecretStore;
import io.simcast.generate.secrets.SecretStoreException;
import io.simcast.generate.secrets.SecretStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's language-model settings: which providers are set up, with which model and address, and which one
 * generation uses by default (the one set up last). Keys go to a {@link SecretStore}; everything else to
 * {@code llm.json} in the config folder. No method returns a key except to this package's generator, and nothing
 * here logs one.
 *
 * <p>Thread-safe: REST workers, the console and generation threads share one instance; each call holds its lock
 * for its whole read-modify-write. Calls touch the disk or the keychain: keep them off UI threads.
 */
public final class LlmConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE_NAME = "llm.json";

    private final Path file;
    private final SecretStore secrets;

    /** Settings in {@code folder}, keys in {@code secrets}. */
    public LlmConfiguration(Path folder, SecretStore secrets) {
        this.file = folder.resolve(FILE_NAME);
        this.secrets = secrets;
    }

    /** The settings of the user running Simcast, keys in the desktop keychain or a private file. */
    public static LlmConfiguration forThisUser() {
        return new LlmConfiguration(UserFolders.forThisUser().settings(), SecretStores.forThisUser());
    }

    /**
     * {@code factory}'s configuration, made on the first call and the same one after: finding the keychain starts a
     * process, so nobody pays for it before generation or the settings are used, and every user shares one lock.
     */
    public static Supplier<LlmConfiguration> lazily(Supplier<LlmConfiguration> factory) {
        return new Supplier<>() {
            private LlmConfiguration made;

            @Override
            public synchronized LlmConfiguration get() {
                if (made == null) {
                    made = factory.get();
                }
                return made;
            }
        };
    }

    /**
     * Sets a provider up, or replaces its settings; it becomes the default. Without {@code api_key} the stored key is
     * kept, unless the address changes: a stored key goes only to the address it was given for, so a new address
     * needs the key again (otherwise whoever may change settings could send the key to any server).
     *
     * @return how the provider now shows in the listing
     * @throws LlmConfigurationException when the key is missing or malformed, or cannot be stored
     */
    public synchronized ProviderStatus configure(ProviderSettings settings) throws LlmConfigurationException {
        Provider provider = settings.provider();
        Stored stored = load();
        Entry previous = stored.providers().get(provider.id());
        boolean keyStored = previous != null && previous.keyStored();
        if (settings.apiKey() != null) {
            if (settings.apiKey().chars().anyMatch(Character::isWhitespace)) {
                throw new LlmConfigurationException(LlmMessages.keyMalformed());
            }
            try {
                secrets.write(provider.secretName(), settings.apiKey());
            } catch (SecretStoreException e) {
                throw new LlmConfigurationException(LlmMessages.keyStoreFailed(e.getMessage()), e);
            }
            keyStored = true;
        } else if (provider.needsKey() && !keyStored) {
            throw new LlmConfigurationException(LlmMessages.keyRequired(provider));
        } else if (keyStored && !settings.effectiveBaseUrl().equals(
                new ProviderSettings(provider, null, previous.model(), previous.baseUrl()).effectiveBaseUrl())) {
            throw new LlmConfigurationException(LlmMessages.keyRequiredForNewAddress(provider,
                    settings.effectiveBaseUrl()));
        }
        Map<String, Entry> providers = new TreeMap<>(stored.providers());
        providers.put(provider.id(), new Entry(settings.model(), settings.baseUrl(), keyStored));
        save(new Stored(provider.id(), providers));
        log.info("{} set up: model {}, {}{}", provider.displayName(), settings.effectiveModel(),
                settings.effectiveBaseUrl(), keyStored ? ", API key in " + secrets.description() : ", no API key");
        return status(provider, providers.get(provider.id()), provider.id());
    }

    /**
     * Forgets a provider and its key. When it was the default, another configured provider becomes the default.
     *
     * @return false when it was not set up
     */
    public synchronized boolean remove(Provider provider) throws LlmConfigurationException {
        Stored stored = load();
        if (!stored.providers().containsKey(provider.id())) {
            return false;
        }
        try {
            secrets.delete(provider.secretName());
        } catch (SecretStoreException e) {
            throw new LlmConfigurationException(LlmMessages.keyStoreFailed(e.getMessage()), e);
        }
        Map<String, Entry> providers = new TreeMap<>(stored.providers());
        providers.remove(provider.id());
        String defaultId = provider.id().equals(stored.defaultProvider())
                ? providers.keySet().stream().findFirst().orElse(null)
                : stored.defaultProvider();
        save(new Stored(defaultId, providers));
        log.info("{} removed, and its API key deleted from {}", provider.displayName(), secrets.description());
        return true;
    }

    /** Every provider that is set up, in a fixed order; never a key. */
    public synchronized List<ProviderStatus> list() throws LlmConfigurationException {
        Stored stored = load();
        List<ProviderStatus> statuses = new ArrayList<>();
        for (Provider provider : Provider.values()) {
            Entry entry = stored.providers().get(provider.id());
            if (entry != null) {
                statuses.add(status(provider, entry, stored.defaultProvider()));
            }
        }
        return statuses;
    }

    /** The provider generation uses when none is named. */
    public synchronized Optional<Provider> defaultProvider() throws LlmConfigurationException {
        return Optional.ofNullable(load().defaultProvider()).map(Provider::fromId);
    }

    /** Where keys are kept, in words (for the settings dialog). */
    public String keyStorage() {
        return secrets.description();
    }

    /** A provider's settings with its key, for the calls this package makes to it. */
    synchronized ProviderSettings settings(Provider provider) throws LlmConfigurationException {
        Entry entry = load().providers().get(provider.id());
        if (entry == null) {
            throw new LlmConfigurationException(LlmMessages.notConfigured(provider));
        }
        String key = null;
        if (entry.keyStored()) {
            try {
                key = secrets.read(provider.secretName()).orElse(null);
            } catch (SecretStoreException e) {
                throw new LlmConfigurationException(LlmMessages.keyReadFailed(e.getMessage()), e);
            }
        }
        if (key == null && provider.needsKey()) {
            throw new LlmConfigurationException(LlmMessages.notConfigured(provider));
        }
        return new ProviderSettings(provider, key, entry.model(), entry.baseUrl());
    }

    private static ProviderStatus status(Provider provider, Entry entry, String defaultId) {
        ProviderSettings settings = new ProviderSettings(provider, null, entry.model(), entry.baseUrl());
        return new ProviderStatus(provider, settings.effectiveModel(), settings.effectiveBaseUrl(), entry.keyStored(),
                provider.id().equals(defaultId));
    }

    /** What {@code llm.json} holds: no keys, only whether one is stored. */
    private record Stored(@JsonProperty("default") String defaultProvider,
                          @JsonProperty("providers") Map<String, Entry> providers) {
        Stored {
            providers = providers == null ? Map.of() : Map.copyOf(providers);
        }
    }

    private record Entry(@JsonProperty("model") String model, @JsonProperty("base_url") String baseUrl,
                         @JsonProperty("key_stored") boolean keyStored) {}

    private Stored load() throws LlmConfigurationException {
        if (!Files.exists(file)) {
            return new Stored(null, Map.of());
        }
        try {
            return JSON.readValue(file.toFile(), Stored.class);
        } catch (IOException e) {
            throw new LlmConfigurationException(LlmMessages.settingsUnreadable(file.toString(),
                    e.getClass().getSimpleName()), e);
        }
    }

    private void save(Stored stored) throws LlmConfigurationException {
        try {
            PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
        } catch (IOException e) {
            throw new LlmConfigurationException(LlmMessages.settingsUnwritable(file.toString(), e.getMessage()), e);
        }
    }
}
