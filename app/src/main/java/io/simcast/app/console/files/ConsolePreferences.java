package io.simcast.app.console.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console remembers between runs: the last scene, the recently used files and whether to share on the
 * network, in
 * {@code console.properties} of the data folder. Loaded on any thread before the window opens; after that used on
 * the JavaFX thread, which hands each change to the IO thread to write.
 */
public final class ConsolePreferences {
    private static final Logger log = LoggerFactory.getLogger(ConsolePreferences.class);
    private static final String FILE = "console.properties";
    private static final String LAST_SCENE = "lastScene";
    private static final String RECENT = "recent.";
    private static final String SHARE_ON_NETWORK = "shareOnNetwork";
    private static final int MAX_RECENT = 10;

    private final Path file;
    private final Executor io;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private String lastScene;
    private boolean shareOnNetwork;

    private ConsolePreferences(Path file, Executor io) {
        this.file = file;
        this.io = io;
    }

    /** Reads {@code dataFolder/console.properties}; a missing or unreadable file means no preferences yet. */
    public static ConsolePreferences load(Path dataFolder, Executor io) {
        ConsolePreferences preferences = new ConsolePreferences(dataFolder.resolve(FILE), io);
        Properties properties = new Properties();
        if (Files.isRegularFile(preferences.file)) {
            try (Reader reader = Files.newBufferedReader(preferences.file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Ignoring unreadable {}: {}", preferences.file, e.getMessage());
            }
        }
        preferences.lastScene = properties.getProperty(LAST_SCENE);
        preferences.shareOnNetwork = Boolean.parseBoolean(properties.getProperty(SHARE_ON_NETWORK));
        for (int i = 0; i < MAX_RECENT; i++) {
            String recent = properties.getProperty(RECENT + i);
            if (recent != null) {
                preferences.recentFiles.add(Path.of(recent));
            }
        }
        return preferences;
    }

    /** The preset id or file path the console showed last, if any. */
    public Optional<String> lastScene() {
        return Optional.ofNullable(lastScene);
    }

    /** Recently opened or saved files, newest first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** Whether the embedded host listens on this machine's address (as {@code serve --public}), from the next start. */
    public boolean shareOnNetwork() {
        return shareOnNetwork;
    }

    public void shareOnNetwork(boolean value) {
        if (value != shareOnNetwork) {
            shareOnNetwork = value;
            store();
        }
    }

    public void rememberScene(String reference) {
        if (!reference.equals(lastScene)) {
            lastScene = reference;
            store();
        }
    }

    /** Moves {@code file} to the top of the recent files. */
    public void addRecent(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!recentFiles.isEmpty() && recentFiles.getFirst().equals(normalized)) {
            return;
        }
        recentFiles.remove(normalized);
        recentFiles.addFirst(normalized);
        if (recentFiles.size() > MAX_RECENT) {
            recentFiles.remove(MAX_RECENT, recentFiles.size());
        }
        store();
    }

    private void store() {
        Properties properties = new Properties();
        if (lastScene != null) {
            properties.setProperty(LAST_SCENE, lastScene);
        }
        if (shareOnNetwork) {
            properties.setProperty(SHARE_ON_NETWORK, "true");
        }
        List<Path> recent = new ArrayList<>(recentFiles);
        for (int i = 0; i < recent.size(); i++) {
            properties.setProperty(RECENT + i, recent.get(i).toString());
        }
        io.execute(() -> write(properties));
    }

    private void write(Properties properties) {
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "Simcast console");
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            log.warn("Could not write {}", file, e);
        }
    }
}
