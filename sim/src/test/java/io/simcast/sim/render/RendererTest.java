package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.scene.TestScenes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pictures: what the cameras see, upright and opaque, per view. */
class RendererTest {
    private RenderFixture fixture;

    @BeforeEach
    void start() {
        fixture = new RenderFixture(RenderScenes.COLOURED_BOXES);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aColouredBodyAppearsWhereTheCameraPoints() throws Exception {
        View view = fixture.view(160, 120, Quality.FAST);
        view.useFixedCamera(1); // "top", straight down onto the red box
        Picture picture = RenderFixture.after(view);
        assertThat(Picture.isRed(picture.rgb(80, 60))).as("centre pixel %06x", picture.rgb(80, 60)).isTrue();
        assertThat(Picture.isRed(picture.rgb(5, 5))).isFalse();
    }

    @Test
    void imagesAreUprightUnmirroredAndOpaque() throws Exception {
        View view = fixture.view(160, 120, Quality.FAST);
        view.useFixedCamera(0); // "front": red above its axis, green below, blue to the right
        Picture picture = RenderFixture.after(view);
        double[] red = picture.centroid(Picture::isRed);
        double[] green = picture.centroid(Picture::isGreen);
        double[] blue = picture.centroid(Picture::isBlue);
        assertThat(red[1]).isLessThan(60);
        assertThat(green[1]).isGreaterThan(60);
        assertThat(blue[0]).isGreaterThan(110);
        assertThat(red[0]).isCloseTo(80, within(3.0));
        assertThat(picture.alpha(0, 0)).isEqualTo(255); // MuJoCo clears to transparent; frames are opaque
        assertThat(picture.alpha((int) red[0], (int) red[1])).isEqualTo(255);
    }

    @Test
    void twoViewsWithDifferentCamerasAndSizesShowDifferentPictures() throws Exception {
        View front = fixture.view(160, 120, Quality.FAST);
        View top = fixture.view(90, 90, Quality.QUALITY);
        front.useFixedCamera(0);
        top.useFixedCamera(1);
        Picture a = RenderFixture.after(front);
        Picture b = RenderFixture.after(top);
        assertThat(a.width()).isEqualTo(160);
        assertThat(b.width()).isEqualTo(90);
        assertThat(b.height()).isEqualTo(90);
        assertThat(Picture.isRed(b.rgb(45, 45))).isTrue();
        assertThat(Picture.isRed(a.rgb(80, 60))).isFalse(); // between red and green: floor and sky
        assertThat(b.centroid(Picture::isGreen)).as("green is hidden under red seen from the top").isNull();
    }

    @Test
    void orbitingTheFreeCameraChangesThePictureAndOrbitingBackRestoresIt() throws Exception {
        View view = fixture.view(160, 120, Quality.FAST);
        Picture before = RenderFixture.after(view);
        view.orbit(0.2, 0);
        Picture turned = RenderFixture.after(view);
        view.orbit(-0.2, 0);
        Picture back = RenderFixture.after(view);
        assertThat(before.differingFraction(turned, 8)).isGreaterThan(0.05);
        assertThat(before.differingFraction(back, 8)).isLessThan(0.002);
    }

    @Test
    void panAndZoomMoveTheFreeCameraAndResetBringsItBack() throws Exception {
        View view = fixture.view(160, 120, Quality.FAST);
        Picture start = RenderFixture.after(view);
        view.pan(0.2, 0); // drag right: the scene follows the pointer to the right
        Picture panned = RenderFixture.after(view);
        assertThat(panned.centroid(Picture::isRed)[0]).isGreaterThan(start.centroid(Picture::isRed)[0] + 10);
        view.resetCamera();
        view.zoom(0.2); // closer: the red box covers more pixels
        Picture zoomedIn = RenderFixture.after(view);
        view.resetCamera();
        view.zoom(-0.2);
        Picture zoomedOut = RenderFixture.after(view);
        int red = start.count(Picture::isRed);
        assertThat(zoomedIn.count(Picture::isRed)).isGreaterThan(red * 5 / 4);
        assertThat(zoomedOut.count(Picture::isRed)).isLessThan(red * 4 / 5);
        view.resetCamera();
        Picture reset = RenderFixture.after(view);
        assertThat(start.differingFraction(reset, 8)).isLessThan(0.002);
    }

    @Test
    void bracketsStepThroughTheFixedCamerasAsSimulate() throws Exception {
        View stepped = fixture.view(80, 60, Quality.FAST);
        View direct = fixture.view(80, 60, Quality.FAST);
        Picture free = RenderFixture.after(stepped);
        stepped.nextCamera(); // free -> camera 0
        stepped.nextCamera(); // -> camera 1
        stepped.nextCamera(); // stays on the last
        direct.useFixedCamera(1);
        Picture last = RenderFixture.after(stepped);
        Picture expected = RenderFixture.after(direct);
        assertThat(last.differingFraction(expected, 0)).isZero();
        stepped.previousCamera();
        stepped.previousCamera(); // camera 0 -> free
        Picture backToFree = RenderFixture.after(stepped);
        assertThat(free.differingFraction(backToFree, 0)).isZero();
        assertThat(free.differingFraction(last, 8)).isGreaterThan(0.1);
        assertThatThrownBy(() -> stepped.useFixedCamera(2))
                .hasMessage("fixed camera must be between 0 and 1, got 2");
    }

    @Test
    void theCameraPoseNamesTheFixedCameraAndFollowsTheFreeCamerasOrbitAndZoom() throws Exception {
        View view = fixture.view(80, 60, Quality.FAST);
        CameraPose start = view.cameraPose().get(30, TimeUnit.SECONDS);
        assertThat(start.fixed()).isEmpty();
        assertThat(start.fixedName()).isEmpty();

        view.orbit(0.2, 0.1);
        CameraPose orbited = view.cameraPose().get(30, TimeUnit.SECONDS);
        assertThat(orbited.azimuth()).isNotEqualTo(start.azimuth());
        assertThat(orbited.elevation()).isNotEqualTo(start.elevation());
        assertThat(orbited.distance()).isEqualTo(start.distance());
        view.zoom(0.1);
        assertThat(view.cameraPose().get(30, TimeUnit.SECONDS).distance()).isNotEqualTo(start.distance());

        view.nextCamera();
        view.nextCamera();
        CameraPose top = view.cameraPose().get(30, TimeUnit.SECONDS);
        assertThat(top.fixed()).hasValue(1);
        assertThat(top.fixedName()).hasValue("top");
        assertThat(view.fixedCameraName().get(30, TimeUnit.SECONDS)).hasValue("top");
    }

    @Test
    void resizingChangesTheFrameSize() throws Exception {
        View view = fixture.view(64, 48, Quality.FAST);
        view.resize(100, 40);
        Picture picture = RenderFixture.after(view);
        assertThat(picture.width()).isEqualTo(100);
        assertThat(picture.height()).isEqualTo(40);
        assertThat(view.width()).isEqualTo(100);
        assertThatThrownBy(() -> view.resize(0, 10))
                .hasMessage("view size must be between 1x1 and 4096x4096, got 0x10");
    }

    @Test
    void aTrackingCameraKeepsAFallingBodyInPlace() throws Exception {
        fixture.close();
        fixture = new RenderFixture(RenderScenes.FALLING_BOX);
        View tracking = fixture.renderer.createView(new ViewSpec(120, 90, 240, Quality.FAST));
        View still = fixture.view(120, 90, Quality.FAST);
        tracking.track(fixture.body("box"));
        still.useFixedCamera(0);
        Picture trackedHigh = settled(tracking);
        Picture stillHigh = RenderFixture.after(still);
        fixture.simulation.submit(new SimCommand.Step(400)).get(30, TimeUnit.SECONDS); // falls from 2 m to the floor
        Picture trackedLow = settled(tracking);
        Picture stillLow = RenderFixture.after(still);
        // The fixed camera sees the box fall; the tracking camera glides after it until it is back in place.
        assertThat(redCentre(stillLow)[1]).isGreaterThan(redCentre(stillHigh)[1] + 10);
        assertThat(redCentre(trackedHigh)[0]).isCloseTo(60, within(2.0));
        assertThat(redCentre(trackedLow)[1]).isCloseTo(redCentre(trackedHigh)[1], within(1.0));
    }

    @Test
    void aNewSceneIsRenderedAfterAHotSwap() throws Exception {
        View view = fixture.view(80, 60, Quality.QUALITY);
        view.useFixedCamera(1);
        Picture boxes = RenderFixture.after(view);
        assertThat(Picture.isRed(boxes.rgb(40, 30))).isTrue();
        fixture.simulation.submit(new SimCommand.LoadScene(TestScenes.compile(RenderScenes.LOOSE_BOX)))
                .get(30, TimeUnit.SECONDS);
        Picture swapped = RenderFixture.after(view);
        // The new scene starts with its default free camera, looking at a red box on a light floor.
        assertThat(swapped.centroid(Picture::isRed)).isNotNull();
        assertThat(swapped.centroid(Picture::isBlue)).isNull();
        assertThat(boxes.differingFraction(swapped, 8)).isGreaterThan(0.2);
    }

    /** The last picture of a view once it stops rendering (nothing changes any more). */
    private static Picture settled(View view) throws Exception {
        view.pick(0, 0).get(30, TimeUnit.SECONDS);
        try (FrameSubscription subscription = view.subscribe()) {
            Frame last = RenderFixture.next(subscription);
            Frame newer;
            while ((newer = subscription.take(1500, TimeUnit.MILLISECONDS)) != null) { // 45 frame periods of quiet
                last.release();
                last = newer;
            }
            return Picture.of(last);
        }
    }

    private static double[] redCentre(Picture picture) {
        double[] centre = picture.centroid(Picture::isRed);
        assertThat(centre).as("red pixels").isNotNull();
        return centre;
    }
}
