package io.simcast.sim.scene;

/** Small scenes for tests, written for MuJoCo 2.2.2. */
public final class TestScenes {
    private TestScenes() {}

    /** A pendulum: one hinge, one capsule, no keyframe. */
    public static final String PENDULUM = """
            <mujoco model="test-pendulum">
              <option timestep="0.002"/>
              <worldbody>
                <light pos="0 0 3"/>
                <geom name="floor" type="plane" size="2 2 0.1"/>
                <body name="arm" pos="0 0 1.5">
                  <joint name="swing" type="hinge" axis="0 1 0" damping="0.01"/>
                  <geom name="rod" type="capsule" fromto="0 0 0 0.5 0 0" size="0.04" mass="1"/>
                </body>
              </worldbody>
              <actuator>
                <motor name="torque" joint="swing" ctrllimited="true" ctrlrange="-5 5"/>
              </actuator>
            </mujoco>
            """;

    /** A box that falls onto the floor, with a keyframe that lifts it to 2 m. */
    public static final String FALLING_BOX = """
            <mujoco model="test-box">
              <worldbody>
                <geom name="floor" type="plane" size="5 5 0.1"/>
                <body name="box" pos="0 0 0.5">
                  <freejoint name="box_free"/>
                  <geom name="box_geom" type="box" size="0.1 0.1 0.1" mass="1"/>
                </body>
              </worldbody>
              <keyframe>
                <key name="high" qpos="0 0 2 1 0 0 0"/>
              </keyframe>
            </mujoco>
            """;

    public static Scene compile(String xml) {
        try {
            return new SceneCompiler().compile(SceneSource.ofString(xml));
        } catch (SceneLoadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
