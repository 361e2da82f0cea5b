package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Picking bodies under a pixel and dragging them, as simulate's double-click and Ctrl+drag. */
class PickingTest {
    private static final Simulation.Options PLAYING = new Simulation.Options(true, 1, true);
    private RenderFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void pickingAtTheBodysPixelReturnsThatBodyAndThePointHit() throws Exception {
        fixture = new RenderFixture(RenderScenes.COLOURED_BOXES);
        View view = fixture.view(160, 120, Quality.FAST);
        view.useFixedCamera(0);
        double[] red = RenderFixture.after(view).centroid(Picture::isRed);
        Pick pick = view.pick(red[0], red[1]).get(30, TimeUnit.SECONDS);
        assertThat(pick.hit()).isTrue();
        assertThat(pick.body()).isEqualTo(fixture.body("red_box"));
        assertThat(pick.name()).isEqualTo("red_box");
        assertThat(pick.point()[1]).as("the front face").isCloseTo(-0.3, within(1e-6));
        assertThat(pick.point()[2]).isBetween(1.2, 1.8);

        Pick floor = view.pick(80, 118).get(30, TimeUnit.SECONDS);
        assertThat(floor.body()).isZero();
        assertThat(floor.name()).isEqualTo("world");
        Pick sky = view.pick(1, 1).get(30, TimeUnit.SECONDS);
        assertThat(sky.hit()).isFalse();
        assertThat(sky.body()).isEqualTo(-1);
    }

    @Test
    void selectingTellsTheSimulationWhichBodyIsSelectedAndTheSkyClearsIt() throws Exception {
        fixture = new RenderFixture(RenderScenes.LOOSE_BOX);
        View view = fixture.view(160, 120, Quality.FAST);
        view.useFixedCamera(0);
        assertThat(view.select(80, 60).get(30, TimeUnit.SECONDS).name()).isEqualTo("box");
        awaitSnapshot(s -> s.perturbation().body() == fixture.body("box"));
        assertThat(fixture.simulation.snapshot().perturbation().active()).isFalse();
        view.select(1, 1).get(30, TimeUnit.SECONDS);
        awaitSnapshot(s -> s.perturbation().body() == 0);
    }

    @Test
    void ctrlRightDragPullsTheSelectedBodyUpAndReleasingLetsItFall() throws Exception {
        fixture = new RenderFixture(RenderScenes.LOOSE_BOX, PLAYING);
        View view = fixture.view(160, 120, Quality.FAST);
        view.useFixedCamera(0);
        view.select(80, 60).get(30, TimeUnit.SECONDS);
        view.beginPerturb(PerturbMode.TRANSLATE, 80, 60);
        view.dragPerturb(80, 20); // 40 pixels up
        SimulationSnapshot lifted = awaitSnapshot(s -> s.qpos()[2] > 0.6);
        assertThat(lifted.perturbation().translate()).isTrue();
        assertThat(lifted.qpos()[0]).as("straight up, not sideways").isCloseTo(0, within(0.05));
        view.endPerturb();
        SimulationSnapshot landed = awaitSnapshot(s -> !s.perturbation().active() && s.qpos()[2] < 0.32);
        assertThat(landed.perturbation().body()).as("still selected").isEqualTo(fixture.body("box"));
    }

    @Test
    void ctrlLeftDragRotatesTheSelectedBody() throws Exception {
        fixture = new RenderFixture(RenderScenes.LOOSE_BOX, PLAYING);
        View view = fixture.view(160, 120, Quality.FAST);
        view.useFixedCamera(0);
        view.select(80, 60).get(30, TimeUnit.SECONDS);
        view.beginPerturb(PerturbMode.ROTATE, 80, 60);
        view.dragPerturb(100, 60); // a sideways drag turns the box about the vertical axis
        SimulationSnapshot turned = awaitSnapshot(s -> Math.abs(s.qpos()[3]) < Math.cos(Math.toRadians(10)));
        assertThat(turned.perturbation().rotate()).isTrue();
        view.endPerturb();
    }

    @Test
    void withoutASelectionCtrlDragMovesTheCameraAsSimulate() throws Exception {
        fixture = new RenderFixture(RenderScenes.LOOSE_BOX);
        View dragged = fixture.view(160, 120, Quality.FAST);
        View orbited = fixture.view(160, 120, Quality.FAST);
        Picture before = RenderFixture.after(dragged);
        dragged.beginPerturb(PerturbMode.ROTATE, 80, 60);
        dragged.dragPerturb(110, 60);
        dragged.endPerturb();
        orbited.orbit(30.0 / 120, 0);
        Picture after = RenderFixture.after(dragged);
        assertThat(before.differingFraction(after, 8)).isGreaterThan(0.01);
        assertThat(after.differingFraction(RenderFixture.after(orbited), 0)).isZero();
        assertThat(fixture.simulation.snapshot().perturbation().body()).isZero();
    }

    @Test
    void lookAtCentresTheCameraOnThePointUnderThePixel() throws Exception {
        fixture = new RenderFixture(RenderScenes.COLOURED_BOXES);
        View view = fixture.view(160, 120, Quality.FAST);
        double[] blue = RenderFixture.after(view).centroid(Picture::isBlue);
        assertThat(Math.hypot(blue[0] - 80, blue[1] - 60)).isGreaterThan(15);
        assertThat(view.lookAt(blue[0], blue[1]).get(30, TimeUnit.SECONDS).name()).isEqualTo("blue_box");
        double[] centred = RenderFixture.after(view).centroid(Picture::isBlue);
        assertThat(centred[0]).isCloseTo(80, within(3.0));
        assertThat(centred[1]).isCloseTo(60, within(3.0));
    }

    private SimulationSnapshot awaitSnapshot(Predicate<SimulationSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SimulationSnapshot snapshot = fixture.simulation.snapshot();
        while (!condition.test(snapshot) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            snapshot = fixture.simulation.snapshot();
        }
        assertThat(condition.test(snapshot)).as("condition met within 30 s; last state " + snapshot).isTrue();
        return snapshot;
    }
}
