package io.simcast.sim.scene;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns what a user types ({@code --scene humanoid}, {@code --scene ./robot.xml}) into a {@link SceneSource}. */
public final class SceneLocator {
    private SceneLocator() {}

    /**
     * A preset id, else a file or folder path.
     *
     * @throws SceneLoadException naming the presets when the argument is neither
     */
    public static SceneSource locate(String idOrPath, SceneLimits limits) throws SceneLoadException {
        PresetCatalog catalog = PresetCatalog.builtIn();
        var preset = catalog.find(idOrPath);
        if (preset.isPresent()) {
            return catalog.source(preset.get());
        }
        Path path = Path.of(idOrPath);
        if (Files.exists(path)) {
            return SceneSource.ofPath(path, limits);
        }
        throw new SceneLoadException("No preset or file named '" + idOrPath + "'. Presets: "
                + String.join(", ", catalog.presets().stream().map(Preset::id).toList()));
    }
}
