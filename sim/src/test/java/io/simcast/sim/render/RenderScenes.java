package io.simcast.sim.render;

/** Scenes whose pictures are known in advance, written for MuJoCo 2.2.2. */
final class RenderScenes {
    private RenderScenes() {}

    /**
     * Three self-lit boxes in front of camera "front" (at y = -3 looking along +y, z up): red above the camera's
     * axis, green below it, blue to the right. Camera "top" looks straight down from z = 6. Emission 1 and no
     * specular make each box exactly its colour whatever the lighting. The boxes hang in the air (no joints).
     */
    static final String COLOURED_BOXES = """
            <mujoco model="coloured-boxes">
              <visual>
                <headlight ambient="0.3 0.3 0.3" diffuse="0.5 0.5 0.5" specular="0 0 0"/>
              </visual>
              <asset>
                <material name="red" rgba="1 0 0 1" emission="1" specular="0"/>
                <material name="green" rgba="0 1 0 1" emission="1" specular="0"/>
                <material name="blue" rgba="0 0 1 1" emission="1" specular="0"/>
              </asset>
              <worldbody>
                <camera name="front" pos="0 -3 1" xyaxes="1 0 0 0 0 1"/>
                <camera name="top" pos="0 0 6" xyaxes="1 0 0 0 1 0"/>
                <geom name="floor" type="plane" size="3 3 0.1" rgba="0.5 0.5 0.5 1"/>
                <body name="red_box" pos="0 0 1.5">
                  <geom type="box" size="0.3 0.3 0.3" material="red"/>
                </body>
                <body name="green_box" pos="0 0 0.4">
                  <geom type="box" size="0.3 0.3 0.3" material="green"/>
                </body>
                <body name="blue_box" pos="1.2 0 1">
                  <geom type="box" size="0.2 0.2 0.2" material="blue"/>
                </body>
              </worldbody>
            </mujoco>
            """;

    /**
     * A free red box (1 kg) resting on a reflective floor at the centre of camera "front" (at y = -3, z = 0.3,
     * looking along +y): the body to pick and drag. Camera "high" looks down at it from the front. A slanted
     * directional light casts the box's shadow toward +x.
     */
    static final String LOOSE_BOX = """
            <mujoco model="loose-box">
              <option timestep="0.002"/>
              <visual>
                <headlight ambient="0.2 0.2 0.2" diffuse="0.2 0.2 0.2" specular="0 0 0"/>
                <quality offsamples="4"/>
              </visual>
              <asset>
                <material name="red" rgba="1 0 0 1" emission="1" specular="0"/>
                <material name="floor" rgba="0.6 0.6 0.6 1" specular="0" reflectance="0.5"/>
              </asset>
              <worldbody>
                <light directional="true" pos="-3.5 0 5" dir="0.7 0 -1" diffuse="0.5 0.5 0.5" specular="0 0 0"
                       castshadow="true"/>
                <camera name="front" pos="0 -3 0.3" xyaxes="1 0 0 0 0 1"/>
                <camera name="high" pos="0 -2.5 2.5" xyaxes="1 0 0 0 1 1"/>
                <geom name="floor" type="plane" size="5 5 0.1" material="floor"/>
                <body name="box" pos="0 0 0.3">
                  <freejoint/>
                  <geom name="box_geom" type="box" size="0.3 0.3 0.3" mass="1" material="red"/>
                </body>
              </worldbody>
            </mujoco>
            """;

    /** A red box that falls from 2 m onto the floor (keyframe 0), seen from the side by camera "side". */
    static final String FALLING_BOX = """
            <mujoco model="falling-red-box">
              <option timestep="0.002"/>
              <asset>
                <material name="red" rgba="1 0 0 1" emission="1" specular="0"/>
              </asset>
              <worldbody>
                <camera name="side" pos="0 -6 1" xyaxes="1 0 0 0 0 1"/>
                <geom name="floor" type="plane" size="5 5 0.1" rgba="0.5 0.5 0.5 1"/>
                <body name="box" pos="0 0 0.5">
                  <freejoint/>
                  <geom type="box" size="0.1 0.1 0.1" mass="1" material="red"/>
                </body>
              </worldbody>
              <keyframe>
                <key qpos="0 0 2 1 0 0 0"/>
              </keyframe>
            </mujoco>
            """;
}
