package io.simcast.generate.secrets;

import io.simcast.sim.PrivateFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in one JSON file ({@code secrets.json}: name to secret) that only the user can read: mode 0600, replaced
 * atomically on every change, deleted when the last secret goes. A file that others can read (copied in by hand, a
 * restored backup) is restricted to its owner the next time it is read. Used where there is no desktop keychain.
 *
 * <p>Thread-safe: every call holds this store's lock for its read-modify-write.
 */
public final class FileSecretStore implements SecretStore {
    private static final Logger log = LoggerFactory.getLogger(FileSecretStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE_NAME = "secrets.json";

    private final Path file;

    /** A store in {@code folder} (usually the settings folder of {@link io.simcast.sim.UserFolders}); nothing is created until a write. */
    public FileSecretStore(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    /** The file the secrets live in. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> read(String name) throws SecretStoreException {
        return Optional.ofNullable(load().get(SecretStore.checkName(name)));
    }

    @Override
    public synchronized void write(String name, String secret) throws SecretStoreException {
        Map<String, String> secrets = load();
        secrets.put(SecretStore.checkName(name), secret);
        save(secrets);
        log.debug("Secret '{}' stored in {}", name, file);
    }

    @Override
    public synchronized void delete(String name) throws SecretStoreException {
        Map<String, String> secrets = load();
        if (secrets.remove(SecretStore.checkName(name)) == null) {
            return;
        }
        if (secrets.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new SecretStoreException(SecretMessages.fileUnwritable(file, e), e);
            }
        } else {
            save(secrets);
        }
        log.debug("Secret '{}' removed from {}", name, file);
    }

    @Override
    public String description() {
        return SecretMessages.fileDescription(file);
    }

    private Map<String, String> load() throws SecretStoreException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            if (PrivateFiles.restrictToOwner(file)) {
                log.warn("The key file {} was readable by other users; it is now readable only by you (0600)", file);
            }
            return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            // Jackson's message would quote the file's content, which is secret.
            throw new SecretStoreException(SecretMessages.fileCorrupt(file));
        } catch (IOException e) {
            throw new SecretStoreException(SecretMessages.fileUnreadable(file, e), e);
        }
    }

    private void save(Map<String, String> secrets) throws SecretStoreException {
        try {
            PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(secrets));
        } catch (IOException e) {
            throw new SecretStoreException(SecretMessages.fileUnwritable(file, e), e);
        }
    }
}
