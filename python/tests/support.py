"""What every test module shares: the host under test (SIMCAST_URL, started by the Java test that runs these) and a
small reacher model for custom environments."""
import os
import unittest

URL = os.environ.get("SIMCAST_URL")

REACHER = """
<mujoco model="reacher">
  <option timestep="0.01"/>
  <worldbody>
    <light pos="0 0 2"/>
    <geom type="plane" size="1 1 0.1" rgba="0.3 0.4 0.5 1"/>
    <camera name="above" pos="0 0 1.2"/>
    <body name="arm" pos="0 0 0.1">
      <joint name="shoulder" type="hinge" axis="0 0 1" damping="0.01"/>
      <geom type="capsule" fromto="0 0 0 0.2 0 0" size="0.02" rgba="0.9 0.3 0.2 1" contype="0" conaffinity="0"/>
      <body name="forearm" pos="0.2 0 0">
        <joint name="elbow" type="hinge" axis="0 0 1" damping="0.01"/>
        <geom type="capsule" fromto="0 0 0 0.2 0 0" size="0.02" rgba="0.2 0.8 0.3 1" contype="0" conaffinity="0"/>
        <site name="tip" pos="0.2 0 0"/>
      </body>
    </body>
    <body name="goal" pos="0.1 0.3 0.1" mocap="true">
      <geom type="sphere" size="0.02" rgba="1 1 0 1" contype="0" conaffinity="0"/>
    </body>
  </worldbody>
  <actuator>
    <motor name="shoulder_motor" joint="shoulder" ctrllimited="true" ctrlrange="-1 1"/>
    <motor name="elbow_motor" joint="elbow" ctrllimited="true" ctrlrange="-1 1"/>
  </actuator>
</mujoco>
"""

REACHER_TASK = {
    "mjcf": REACHER,
    "actions": ["shoulder_motor", "elbow_motor"],
    "observations": ["qpos", "qvel", "site:tip"],
    "reward": [{"term": "distance", "of": ["site:tip", "body:goal"], "weight": -1},
               {"term": "control", "weight": -0.01}],
    "terminate_when": [{"term": "distance", "of": ["site:tip", "body:goal"], "below": 0.02}],
    "frame_skip": 2,
}


class HostTest(unittest.TestCase):
    """A test against the host at SIMCAST_URL, which closes what it opened."""

    @classmethod
    def setUpClass(cls):
        if not URL:
            raise unittest.SkipTest("SIMCAST_URL is not set: these tests run against a host (RlApiTest runs them)")
