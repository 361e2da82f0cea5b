package io.simcast.app.console.scenes;

import io.simcast.app.console.files.ConsolePreferences;
import io.simcast.app.console.files.DocumentViewModel;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ObservableList;

/**
 * The scenes panel: the presets with their descriptions and the recent files, each loaded with one click into the
 * editor and the simulation. JavaFX thread.
 */
public final class ScenesViewModel {
    private final DocumentViewModel documents;
    private final ConsolePreferences preferences;

    public ScenesViewModel(DocumentViewModel documents, ConsolePreferences preferences) {
        this.documents = documents;
        this.preferences = preferences;
    }

    public List<Preset> presets() {
        return PresetCatalog.builtIn().presets();
    }

    public ObservableList<Path> recentFiles() {
        return preferences.recentFiles();
    }

    /** Loads {@code preset} into the editor and the simulation. */
    public void load(Preset preset) {
        documents.loadPreset(preset);
    }

    /** Loads {@code file} into the editor and the simulation. */
    public void load(Path file) {
        documents.open(file);
    }
}
