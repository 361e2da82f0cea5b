package io.simcast.app.console.session;

import io.simcast.sim.scene.PresetCatalog;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLoadException;

/** Real simulations for tests. */
public final class Sessions {
    private Sessions() {}

    /** A session running the {@code id} preset in real time. */
    public static SimulationSession running(String id) {
        PresetCatalog catalog = PresetCatalog.builtIn();
        try {
            return SimulationSession.start(new SceneCompiler().compile(catalog.source(catalog.find(id).orElseThrow())));
        } catch (SceneLoadException e) {
            throw new AssertionError("preset " + id + " does not compile", e);
        }
    }
}
