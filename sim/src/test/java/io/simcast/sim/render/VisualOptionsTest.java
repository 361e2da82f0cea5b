package io.simcast.sim.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.physics.SimCommand;
import io.simcast.sim.scene.TestScenes;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each visual option and quality preset changes the picture the way its name says. */
class VisualOptionsTest {
    private static final VisualOptions NOTHING = new VisualOptions(Set.of());
    private RenderFixture fixture;
    private View view;

    @BeforeEach
    void start() {
        fixture = new RenderFixture(RenderScenes.LOOSE_BOX);
        view = fixture.view(160, 120, Quality.FAST);
        view.useFixedCamera(1); // "high": looking down at the box on the floor
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theQualityPresetsDifferInShadowsReflectionsAndMultisampling() {
        assertThat(VisualOptions.of(Quality.FAST).flags()).containsExactly(VisualFlag.SKYBOX);
        assertThat(VisualOptions.of(Quality.QUALITY).flags())
                .containsExactlyInAnyOrder(VisualFlag.SKYBOX, VisualFlag.SHADOWS, VisualFlag.REFLECTIONS);
        assertThat(Quality.FAST.samples(4)).isZero();
        assertThat(Quality.QUALITY.samples(4)).isEqualTo(4);
    }

    @Test
    void aQualityChangeKeepsThePersonsSwitchesAndOnlySetsShadowsAndReflections() {
        VisualOptions mine = VisualOptions.of(Quality.FAST).with(VisualFlag.CONTACT_POINTS, true)
                .with(VisualFlag.SKYBOX, false).withFrame(VisualFrame.WORLD);
        VisualOptions better = mine.withQuality(Quality.QUALITY);
        assertThat(better.flags()).containsExactlyInAnyOrder(VisualFlag.CONTACT_POINTS, VisualFlag.SHADOWS,
                VisualFlag.REFLECTIONS);
        assertThat(better.frame()).isEqualTo(VisualFrame.WORLD);
        assertThat(better.withQuality(Quality.FAST)).isEqualTo(mine);
        view.setOptions(mine);
        view.setQuality(Quality.QUALITY);
        assertThat(view.options()).isEqualTo(better);
    }

    @Test
    void wireframeLeavesOnlyTheEdgesOfTheBox() throws Exception {
        int solid = picture(NOTHING).count(Picture::isRed);
        int wire = picture(NOTHING.with(VisualFlag.WIREFRAME, true)).count(Picture::isRed);
        assertThat(wire).isPositive().isLessThan(solid * 2 / 3);
    }

    @Test
    void shadowsDarkenTheFloorBesideTheBox() throws Exception {
        int plain = picture(NOTHING).count(VisualOptionsTest::shadedFloor);
        int shadowed = picture(NOTHING.with(VisualFlag.SHADOWS, true)).count(VisualOptionsTest::shadedFloor);
        assertThat(shadowed).isGreaterThan(plain + 100);
    }

    @Test
    void reflectionsMirrorTheRedBoxInTheFloor() throws Exception {
        int plain = picture(NOTHING).count(VisualOptionsTest::reddishFloor);
        int mirrored = picture(NOTHING.with(VisualFlag.REFLECTIONS, true)).count(VisualOptionsTest::reddishFloor);
        assertThat(mirrored).isGreaterThan(plain + 50);
    }

    @Test
    void transparencyLetsTheFloorShowThroughTheBox() throws Exception {
        int opaque = picture(NOTHING).count(Picture::isRed);
        int seeThrough = picture(NOTHING.with(VisualFlag.TRANSPARENCY, true)).count(Picture::isRed);
        assertThat(seeThrough).isLessThan(opaque / 2);
    }

    @Test
    void contactPointsBodyFramesAndJointsAddDecorations() throws Exception {
        Picture plain = picture(NOTHING);
        assertThat(plain.differingFraction(picture(NOTHING.with(VisualFlag.CONTACT_POINTS, true)), 16))
                .as("contact points").isGreaterThan(0.001);
        assertThat(plain.differingFraction(picture(NOTHING.withFrame(VisualFrame.BODY)), 16))
                .as("body frames").isGreaterThan(0.001);
        fixture.close();
        fixture = new RenderFixture(TestScenes.PENDULUM);
        view = fixture.view(320, 240, Quality.FAST);
        Picture pendulum = picture(NOTHING);
        assertThat(pendulum.differingFraction(picture(NOTHING.with(VisualFlag.JOINTS, true)), 16))
                .as("joints").isGreaterThan(0.0003);
    }

    @Test
    void contactForcesAppearWhileTheBoxIsPressedOntoTheFloor() throws Exception {
        fixture.simulation.submit(new SimCommand.Step(50)).get();
        Picture plain = picture(NOTHING);
        Picture forces = picture(NOTHING.with(VisualFlag.CONTACT_FORCES, true).with(VisualFlag.TRANSPARENCY, true));
        Picture transparent = picture(NOTHING.with(VisualFlag.TRANSPARENCY, true));
        assertThat(forces.differingFraction(transparent, 16)).isGreaterThan(0.001);
        assertThat(plain.differingFraction(transparent, 16)).isGreaterThan(0.001);
    }

    @Test
    void eachViewHasItsOwnSwitchesFramesAndLabels() throws Exception {
        View other = fixture.view(160, 120, Quality.FAST);
        other.useFixedCamera(1);
        other.setOptions(NOTHING);
        Picture before = RenderFixture.after(other);
        Picture points = picture(NOTHING.with(VisualFlag.CONTACT_POINTS, true).with(VisualFlag.CENTRE_OF_MASS, true)
                .withLabel(VisualLabel.GEOM));
        assertThat(picture(NOTHING).differingFraction(points, 16)).as("this view's decorations").isGreaterThan(0.001);
        assertThat(RenderFixture.after(other).differingFraction(before, 16)).as("the other view's picture")
                .isZero();
    }

    @Test
    void theQualityPresetSmoothsEdgesWithMultisampling() throws Exception {
        view.setQuality(Quality.QUALITY);
        view.setOptions(NOTHING); // multisampling only: no shadows or reflections
        Picture smooth = RenderFixture.after(view);
        view.setQuality(Quality.FAST);
        Picture jagged = RenderFixture.after(view);
        assertThat(jagged.count(VisualOptionsTest::edgeBlend)).isLessThan(smooth.count(VisualOptionsTest::edgeBlend) / 3);
    }

    private Picture picture(VisualOptions options) throws Exception {
        view.setOptions(options);
        return RenderFixture.after(view);
    }

    /** Grey floor out of the slanted light: lit only by the headlight, at less than half the lit floor's level. */
    private static boolean shadedFloor(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        return g > 20 && g < 80 && Math.abs(r - g) < 10;
    }

    /** Floor tinted red: neither the red box nor plain grey. */
    private static boolean reddishFloor(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        return !Picture.isRed(rgb) && g > 30 && r > g + 25;
    }

    /** A pixel half red and half floor: what multisampling makes of the box's edges. */
    private static boolean edgeBlend(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        return r > g + 40 && g > 40 && !Picture.isRed(rgb);
    }
}
