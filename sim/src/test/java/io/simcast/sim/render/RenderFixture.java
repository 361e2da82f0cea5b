package io.simcast.sim.render;

import static io.simcast.sim.mujoco.global.MuJoCo.mjOBJ_BODY;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.scene.TestScenes;
import java.util.concurrent.TimeUnit;

/** A simulation of a test scene with a renderer on it; closes both. */
final class RenderFixture implements AutoCloseable {
    static final Simulation.Options PAUSED = new Simulation.Options(false, 1, true);

    final Simulation simulation;
    final Renderer renderer;

    RenderFixture(String xml, Simulation.Options options) {
        simulation = Simulation.start(TestScenes.compile(xml), options);
        renderer = Renderer.start(simulation);
    }

    RenderFixture(String xml) {
        this(xml, PAUSED);
    }

    /** A view of the given size at 30 fps. */
    View view(int width, int height, Quality quality) {
        return renderer.createView(new ViewSpec(width, height, 30, quality));
    }

    int body(String name) {
        return simulation.snapshot().scene().model().id(mjOBJ_BODY, name);
    }

    /** The next frame; fails the test when none comes within a deadline that only guards against hangs. */
    static Frame next(FrameSubscription subscription) throws InterruptedException {
        Frame frame = subscription.take(30, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 30 s").isNotNull();
        return frame;
    }

    /** The first picture published after every call queued so far took effect. */
    static Picture after(View view) throws Exception {
        view.pick(0, 0).get(30, TimeUnit.SECONDS); // a query runs after everything queued before it
        try (FrameSubscription subscription = view.subscribe()) {
            return Picture.of(next(subscription));
        }
    }

    @Override
    public void close() {
        renderer.close();
        simulation.close();
    }
}
