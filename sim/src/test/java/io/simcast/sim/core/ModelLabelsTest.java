package io.simcast.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.sim.scene.Scene;
import io.simcast.sim.scene.TestScenes;
import org.junit.jupiter.api.Test;

/** Unnamed objects are labelled as MuJoCo's simulate labels them in its panels; names stay MuJoCo's. */
class ModelLabelsTest {
    private static final String UNNAMED = """
            <mujoco>
              <worldbody>
                <body name="arm">
                  <joint name="shoulder" type="hinge"/>
                  <geom type="capsule" size="0.05" fromto="0 0 0 0 0 0.5"/>
                  <body>
                    <joint type="slide"/>
                    <geom type="sphere" size="0.1"/>
                  </body>
                </body>
              </worldbody>
              <actuator>
                <motor joint="shoulder"/>
                <motor name="slider" joint="shoulder"/>
              </actuator>
              <sensor>
                <jointpos joint="shoulder"/>
              </sensor>
              <keyframe><key/></keyframe>
            </mujoco>""";

    @Test
    void unnamedItemsGetSimulatesLabelsAndAreFoundByThemOrByIndex() {
        Scene scene = TestScenes.compile(UNNAMED);
        ModelDescription model = scene.model().description();
        scene.release();

        assertThat(model.joints()).extracting(ModelDescription.Joint::name).containsExactly("shoulder", "joint 1");
        assertThat(model.actuators()).extracting(ModelDescription.Actuator::name)
                .containsExactly("control 0", "slider");
        assertThat(model.bodies()).containsExactly("world", "arm", "body 2");
        assertThat(model.sensors()).extracting(ModelDescription.Sensor::name).containsExactly("sensor 0");
        assertThat(model.keyframes()).extracting(ModelDescription.Keyframe::name).containsExactly("key 0");
        assertThat(model.joint("joint 1")).isEqualTo(model.joint("#1")).isPresent();
        assertThat(model.actuator("#5")).isEmpty();
    }
}
