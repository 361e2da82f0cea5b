package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.physics.Simulation;
import io.simcast.sim.physics.SimulationSnapshot;
import io.simcast.sim.scene.TestScenes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When frames are made, what they carry, and how they reach slow and fast consumers. */
class FrameDeliveryTest {
    private static final Simulation.Options PLAYING = new Simulation.Options(true, 1, true);
    private RenderFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPausedSimulationIsRenderedOnceAndAgainOnlyWhenSomethingChanges() throws Exception {
        fixture = new RenderFixture(RenderScenes.COLOURED_BOXES);
        View view = fixture.view(80, 60, Quality.FAST);
        try (FrameSubscription subscription = view.subscribe()) {
            RenderFixture.next(subscription).release();
            assertThat(subscription.take(300, TimeUnit.MILLISECONDS)).as("nothing changed").isNull();
            view.orbit(0.1, 0);
            RenderFixture.next(subscription).release();
            fixture.simulation.submit(new SimCommand.Step(1));
            RenderFixture.next(subscription).release();
            view.setOptions(VisualOptions.of(Quality.FAST).with(VisualFlag.WIREFRAME, true));
            RenderFixture.next(subscription).release();
            assertThat(subscription.take(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(subscription.delivered()).isEqualTo(4);
            assertThat(subscription.dropped()).isZero();
        }
    }

    @Test
    void aPlayingSimulationKeepsSendingNewerFrames() throws Exception {
        // The cadence itself (never faster than the view's rate) is FrameScheduleTest's, on a clock it holds.
        fixture = new RenderFixture(TestScenes.PENDULUM, PLAYING);
        View view = fixture.renderer.createView(new ViewSpec(64, 48, 10, Quality.FAST));
        try (FrameSubscription subscription = view.subscribe()) {
            Frame first = RenderFixture.next(subscription);
            long number = first.number();
            double time = first.simTime();
            first.release();
            for (int i = 0; i < 3; i++) {
                Frame frame = RenderFixture.next(subscription);
                assertThat(frame.number()).isGreaterThan(number);
                assertThat(frame.simTime()).isGreaterThan(time);
                number = frame.number();
                time = frame.simTime();
                frame.release();
            }
        }
    }

    @Test
    void aSlowConsumerGetsTheNewestFrameAndTheStaleOnesAreDropped() throws Exception {
        fixture = new RenderFixture(RenderScenes.COLOURED_BOXES);
        View view = fixture.renderer.createView(new ViewSpec(64, 48, 60, Quality.FAST));
        try (FrameSubscription slow = view.subscribe(); FrameSubscription fast = view.subscribe()) {
            Frame first = RenderFixture.next(fast);
            long newest = first.number();
            first.release();
            for (int i = 0; i < 6; i++) {
                view.orbit(0.05, 0); // one new picture each time: the fast consumer takes it at once
                Frame frame = RenderFixture.next(fast);
                newest = frame.number();
                frame.release();
            }
            Frame kept = slow.poll();
            assertThat(kept.number()).as("the newest frame, not the first").isEqualTo(newest);
            assertThat(slow.dropped()).isEqualTo(newest - 1);
            assertThat(slow.poll()).as("one frame, not a queue").isNull();
            assertThat(slow.delivered()).isEqualTo(1);
            assertThat(fast.dropped()).isZero();
            kept.release();
        }
    }

    @Test
    void aFrameCarriesItsNumberSimulationTimeAndCaptureTime() throws Exception {
        fixture = new RenderFixture(RenderScenes.FALLING_BOX);
        SimulationSnapshot stepped = fixture.simulation.submit(new SimCommand.Step(123)).get(30, TimeUnit.SECONDS);
        View view = fixture.view(64, 48, Quality.FAST);
        long before = System.currentTimeMillis();
        long beforeNanos = System.nanoTime();
        try (FrameSubscription subscription = view.subscribe()) {
            Frame frame = RenderFixture.next(subscription);
            assertThat(frame.number()).isEqualTo(1);
            assertThat(frame.simTime()).isEqualTo(stepped.time());
            assertThat(frame.capturedEpochMillis()).isBetween(before, System.currentTimeMillis());
            assertThat(frame.capturedNanos()).isBetween(beforeNanos, System.nanoTime());
            assertThat(frame.rgbaBottomUp().isReadOnly()).isTrue();
            assertThat(frame.rgbaBottomUp().isDirect()).isTrue();
            frame.release();
        }
    }

    @Test
    void framesAreReusedOnceReleased() throws Exception {
        fixture = new RenderFixture(TestScenes.PENDULUM, PLAYING);
        View view = fixture.renderer.createView(new ViewSpec(64, 48, 120, Quality.FAST));
        Set<Object> buffers = new HashSet<>();
        try (FrameSubscription subscription = view.subscribe()) {
            for (int i = 0; i < 60; i++) {
                Frame frame = RenderFixture.next(subscription);
                buffers.add(frame);
                frame.release();
            }
        }
        assertThat(buffers).as("distinct frame buffers over 60 frames").hasSizeLessThanOrEqualTo(6);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a take that the close did not wake would wait an hour
    void closingAViewEndsItsSubscriptionsAndRefusesQueries() throws Exception {
        fixture = new RenderFixture(RenderScenes.COLOURED_BOXES);
        View view = fixture.view(64, 48, Quality.FAST);
        FrameSubscription subscription = view.subscribe();
        RenderFixture.next(subscription).release();
        view.close();
        assertThat(subscription.take(1, TimeUnit.HOURS)).as("woken by the close").isNull();
        assertThat(subscription.isClosed()).isTrue();
        assertThatThrownBy(() -> view.pick(1, 1).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("the view is closed");
        assertThat(view.subscribe().isClosed()).isTrue();
    }

    @Test
    void closingTheRendererEndsEverySubscription() throws Exception {
        fixture = new RenderFixture(RenderScenes.COLOURED_BOXES);
        FrameSubscription first = fixture.view(64, 48, Quality.FAST).subscribe();
        FrameSubscription second = fixture.view(32, 32, Quality.QUALITY).subscribe();
        RenderFixture.next(first).release();
        fixture.renderer.close();
        assertThat(first.isClosed()).isTrue();
        assertThat(second.isClosed()).isTrue();
        assertThatThrownBy(() -> fixture.renderer.createView(new ViewSpec(8, 8, 1, Quality.FAST)))
                .hasMessage("the renderer is closed");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a meter that never reports would keep this loop going
    void theRendererReportsItsFrameRateAndWhereTheTimeGoes() throws Exception {
        // The figures' arithmetic is RenderMeterTest's; what rate a machine reaches is `simcast bench render`'s.
        fixture = new RenderFixture(TestScenes.PENDULUM, PLAYING);
        View view = fixture.renderer.createView(new ViewSpec(64, 48, 30, Quality.FAST));
        long received = 0;
        try (FrameSubscription subscription = view.subscribe()) {
            while (fixture.renderer.stats().frames() == 0) { // until the first one-second window closes
                RenderFixture.next(subscription).release();
                received++;
            }
        }
        RenderStats stats = fixture.renderer.stats();
        assertThat(stats.frames()).isPositive();
        assertThat(received).isPositive();
        assertThat(stats.framesPerSecond()).isPositive();
        assertThat(stats.renderMillis()).isPositive();
        assertThat(stats.readbackMillis()).isPositive();
        assertThat(stats.readbackShare()).isBetween(0.0, 1.0);
    }

    @Test
    void everyFrameShowsExactlyTheStateOfItsSimulationTime() throws Exception {
        fixture = new RenderFixture(RenderScenes.FALLING_BOX, PLAYING);
        View live = fixture.renderer.createView(new ViewSpec(120, 90, 60, Quality.FAST));
        live.useFixedCamera(0);
        List<Frame> frames = new ArrayList<>();
        try (FrameSubscription subscription = live.subscribe()) {
            while (frames.size() < 5) {
                frames.add(RenderFixture.next(subscription)); // taken while the box falls and physics runs on
            }
        }
        // MuJoCo is deterministic: a paused copy stepped to the same time must give the very same picture.
        try (RenderFixture replay = new RenderFixture(RenderScenes.FALLING_BOX)) {
            View view = replay.view(120, 90, Quality.FAST);
            view.useFixedCamera(0);
            long stepped = 0;
            for (Frame frame : frames) {
                long steps = Math.round(frame.simTime() / 0.002);
                if (steps > stepped) {
                    replay.simulation.submit(new SimCommand.Step((int) (steps - stepped))).get(30, TimeUnit.SECONDS);
                    stepped = steps;
                }
                Picture expected = RenderFixture.after(view);
                assertThat(Picture.of(frame).differingFraction(expected, 0)).as("frame at t=%s", frame.simTime())
                        .isZero();
            }
        }
    }
}
