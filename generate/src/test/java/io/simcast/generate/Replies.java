package io.simcast.generate;

/** Scenes and replies a model might send, for the generation tests (streaming's and the console's too, through the test-jar). */
public final class Replies {
    private Replies() {}

    /** Follows every convention: floor, light, named bodies; a box resting on the floor and a ball dropped onto it. */
    public static final String GOOD_SCENE = """
            <mujoco model="box_and_ball">
              <compiler angle="radian" autolimits="true"/>
              <option timestep="0.002"/>
              <worldbody>
                <light name="key" pos="0 0 4" dir="0 0 -1" directional="true"/>
                <geom name="floor" type="plane" size="0 0 0.05"/>
                <body name="box" pos="0 0 0.1">
                  <freejoint name="box"/>
                  <geom name="box" type="box" size="0.1 0.1 0.1" density="500"/>
                </body>
                <body name="ball" pos="0 0 0.6">
                  <freejoint name="ball"/>
                  <geom name="ball" type="sphere" size="0.08" density="300"/>
                </body>
              </worldbody>
            </mujoco>""";

    /** MuJoCo refuses line 6: geoms have no 'colour'. */
    public static final String MISSPELLED_ATTRIBUTE = """
            <mujoco model="misspelled">
              <worldbody>
                <light name="key" pos="0 0 4"/>
                <geom name="floor" type="plane" size="0 0 0.05"/>
                <body name="box" pos="0 0 0.1">
                  <geom name="box" type="box" size="0.1 0.1 0.1" colour="red"/>
                </body>
              </worldbody>
            </mujoco>""";

    /** Compiles, but a stiff spring on a feather-light body is far beyond what the time step can integrate. */
    public static final String EXPLODING = """
            <mujoco model="exploding">
              <option timestep="0.01"/>
              <worldbody>
                <light name="key" pos="0 0 4"/>
                <geom name="floor" type="plane" size="0 0 0.05"/>
                <body name="spring_mass" pos="0 0 1">
                  <joint name="spring" type="slide" axis="0 0 1" stiffness="1e9"/>
                  <geom name="spring_mass" type="sphere" size="0.05" mass="0.001" contype="0" conaffinity="0"/>
                </body>
              </worldbody>
              <keyframe>
                <key name="stretched" qpos="0.1"/>
              </keyframe>
            </mujoco>""";

    /** Compiles, but the box's geom collides with nothing, so it drops through the floor. */
    public static final String FALLS_THROUGH_FLOOR = """
            <mujoco model="ghost_box">
              <worldbody>
                <light name="key" pos="0 0 4"/>
                <geom name="floor" type="plane" size="0 0 0.05"/>
                <body name="ghost_box" pos="0 0 0.5">
                  <freejoint name="ghost_box"/>
                  <geom name="ghost_box" type="box" size="0.1 0.1 0.1" contype="0" conaffinity="0"/>
                </body>
              </worldbody>
            </mujoco>""";

    /** Compiles and is stable, but has no floor, no light, and an unnamed body. */
    public static final String NO_CONVENTIONS = """
            <mujoco model="bare">
              <worldbody>
                <body pos="0 0 1">
                  <joint name="hinge" type="hinge" axis="0 1 0"/>
                  <geom name="rod" type="capsule" fromto="0 0 0 0.3 0 0" size="0.02"/>
                </body>
              </worldbody>
            </mujoco>""";

    /** A body thrown at 500 m/s by its keyframe, without gravity: it ends 1.5 km away, still fast. */
    public static final String THROWN = """
            <mujoco model="thrown">
              <option gravity="0 0 0"/>
              <worldbody>
                <light name="key" pos="0 0 4"/>
                <geom name="floor" type="plane" size="0 0 0.05"/>
                <body name="bullet" pos="0 0 1">
                  <freejoint name="bullet"/>
                  <geom name="bullet" type="sphere" size="0.02" mass="0.01"/>
                </body>
              </worldbody>
              <keyframe>
                <key name="fired" qpos="0 0 1 1 0 0 0" qvel="500 0 0 0 0 0"/>
              </keyframe>
            </mujoco>""";

    /** How a model typically answers: a sentence, then the document in a fenced block. */
    public static String fenced(String xml) {
        return "Here is the scene you asked for.\n\n```xml\n" + xml + "\n```\n\nIt should run stably.";
    }
}
