package io.simcast.app.console.files;

import io.simcast.app.console.kit.Texts;
import io.simcast.sim.scene.Preset;
import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the editor holds: the text as last loaded or saved, and where it came from (a file, a preset, or nowhere).
 * Immutable; any thread.
 *
 * @param savedText the text as loaded or last saved; the editor is dirty while its text differs
 * @param file the file it was loaded from or saved to, or null
 * @param preset the preset it was loaded from, or null
 */
public record EditorDocument(String savedText, Path file, Preset preset) {

    public static EditorDocument ofPreset(Preset preset) {
        return new EditorDocument(PresetCatalog.builtIn().source(preset).xml(), null, preset);
    }

    public static EditorDocument ofFile(Path file, String text) {
        return new EditorDocument(text, file.toAbsolutePath().normalize(), null);
    }

    public static EditorDocument untitled(String text) {
        return new EditorDocument(text, null, null);
    }

    /** The name people see: the file's name, the preset's title, or "Untitled". */
    public String name() {
        if (file != null) {
            return file.getFileName().toString();
        }
        return preset != null ? preset.title() : Texts.UNTITLED;
    }

    /**
     * The scene source for {@code text} as the editor holds it now: a file's assets resolve in its folder; an
     * unmodified preset is the trusted preset itself; anything else is text without assets.
     */
    public SceneSource sourceFor(String text) {
        if (file != null) {
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            return new SceneSource(stem, stem, text, file.getFileName().toString(), file.getParent(), false);
        }
        if (preset != null && text.equals(savedText)) {
            return PresetCatalog.builtIn().source(preset);
        }
        return SceneSource.ofString(text);
    }

    /** What to start with next time: the preset id or the file path; nothing for untitled text. */
    public Optional<String> sceneReference() {
        if (file != null) {
            return Optional.of(file.toString());
        }
        return Optional.ofNullable(preset).map(Preset::id);
    }
}
