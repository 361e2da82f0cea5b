package io.simcast.sim.core;

import static io.simcast.sim.mujoco.global.MuJoCo.mj_step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.mujoco.mjData;
import io.simcast.sim.mujoco.mjModel;
import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.SceneCompiler;
import io.simcast.sim.scene.SceneLimits;
import io.simcast.sim.scene.SceneLocator;
import io.simcast.sim.scene.TestScenes;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimDataTest {
    private Scene scene;

    @AfterEach
    void release() {
        if (scene != null) {
            scene.release();
        }
    }

    @Test
    void controlsAndForcesWrittenThroughItsViewsGiveBitForBitTheTrajectoryOfWritesThroughMujocosPointers()
            throws Exception {
        scene = new SceneCompiler().compile(SceneLocator.locate("humanoid", SceneLimits.DEFAULT));
        mjModel m = scene.model().pointer();
        int nu = scene.model().nu();
        int nv = scene.model().nv();
        int nbody = scene.model().nbody();
        try (SimData viewed = new SimData(scene.model()); SimData pointed = new SimData(scene.model())) {
            viewed.resetToInitialState();
            pointed.resetToInitialState();
            mjData d = pointed.pointer();
            SplittableRandom random = new SplittableRandom(7);
            for (int step = 0; step < 400; step++) {
                double[] controls = random.doubles(nu, -1, 1).toArray();
                double[] jointForces = random.doubles(nv, -5, 5).toArray();
                double[] bodyForces = random.doubles(6L * nbody, -20, 20).toArray();
                viewed.ctrl().put(controls);
                viewed.qfrcApplied().put(jointForces);
                viewed.xfrcApplied().put(bodyForces);
                // JavaCPP's own path: one JNI copy per array into a fresh pointer of mjData's.
                d.ctrl().capacity(nu).put(controls);
                d.qfrc_applied().capacity(nv).put(jointForces);
                d.xfrc_applied().capacity(6L * nbody).put(bodyForces);
                mj_step(m, viewed.pointer());
                mj_step(m, d);

                double[] positions = new double[scene.model().nq()];
                d.qpos().capacity(positions.length).get(positions);
                assertThat(viewed.qpos().copy()).as("qpos after step %d", step).containsExactly(positions);
                double[] velocities = new double[nv];
                d.qvel().capacity(nv).get(velocities);
                assertThat(viewed.qvel().copy()).as("qvel after step %d", step).containsExactly(velocities);
            }
            assertThat(viewed.time()).isEqualTo(pointed.time());
        }
    }

    @Test
    void itsViewsAreMujocosOwnMemoryBothWays() {
        scene = TestScenes.compile(TestScenes.FALLING_BOX);
        try (SimData data = new SimData(scene.model())) {
            data.resetToInitialState();
            mj_step(scene.model().pointer(), data.pointer());
            assertThat(data.qpos().get(2)).isEqualTo(data.pointer().qpos().get(2)); // what MuJoCo wrote

            data.xfrcApplied().put(6 + 2, 30.0); // the box is body 1
            assertThat(data.pointer().xfrc_applied().get(6 + 2)).isEqualTo(30.0); // what MuJoCo will read
            data.xfrcApplied().zero();
            assertThat(data.pointer().xfrc_applied().get(6 + 2)).isZero();
        }
    }

    @Test
    void writesOfTheWrongSizeOrOutsideTheArrayAreRefusedAndChangeNothing() {
        scene = TestScenes.compile(TestScenes.PENDULUM);
        try (SimData data = new SimData(scene.model())) {
            data.ctrl().put(0, 2.5);

            assertThatThrownBy(() -> data.ctrl().put(new double[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("expected 1 values, got 2");
            assertThatThrownBy(() -> data.ctrl().put(1, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> data.ctrl().put(new double[] {1, 2, 3}, 2, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(data.ctrl().copy()).containsExactly(2.5);
        }
    }

    @Test
    void arraysTheModelHasNoneOfAreEmpty() {
        scene = TestScenes.compile(TestScenes.PENDULUM); // no mocap bodies, no activations, no user data
        try (SimData data = new SimData(scene.model())) {
            assertThat(data.mocapPos().length()).isZero();
            assertThat(data.act().copy()).isEmpty();
            data.mocapQuat().put(new double[0]);
            data.userdata().zero();
            assertThat(data.mocapPos().buffer().capacity()).isZero();
        }
    }
}
