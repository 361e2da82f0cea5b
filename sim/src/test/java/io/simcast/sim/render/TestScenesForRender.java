package io.simcast.sim.render;

import io.simcast.sim.scene.TestScenes;

/** The shared test scenes this package uses as they are. */
final class TestScenesForRender {
    static final String PENDULUM = TestScenes.PENDULUM;

    private TestScenesForRender() {}
}
