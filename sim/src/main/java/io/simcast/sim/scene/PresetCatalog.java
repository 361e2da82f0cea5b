package io.simcast.sim.scene;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The presets shipped as resources in {@code io/simcast/sim/scene/presets/}, listed in {@code presets.json}.
 * Immutable and thread-safe.
 */
public final class PresetCatalog {
    private static final String FOLDER = "/io/simcast/sim/scene/presets/";
    private static final PresetCatalog BUILT_IN = load();

    private final List<Preset> presets;

    private PresetCatalog(List<Preset> presets) {
        this.presets = List.copyOf(presets);
    }

    /** The catalogue shipped in Simcast. */
    public static PresetCatalog builtIn() {
        return BUILT_IN;
    }

    public List<Preset> presets() {
        return presets;
    }

    public Optional<Preset> find(String id) {
        return presets.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The preset's MJCF as a trusted source. */
    public SceneSource source(Preset preset) {
        return new SceneSource(preset.id(), preset.title(), read(preset.file()), preset.file(), null, true);
    }

    private static PresetCatalog load() {
        try (InputStream in = PresetCatalog.class.getResourceAsStream(FOLDER + "presets.json")) {
            if (in == null) {
                throw new IllegalStateException("presets.json missing from the classpath");
            }
            return new PresetCatalog(new ObjectMapper().readValue(in, new TypeReference<List<Preset>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("presets.json is unreadable", e);
        }
    }

    private static String read(String file) {
        try (InputStream in = PresetCatalog.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("preset file missing from the classpath: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
