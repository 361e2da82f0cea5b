"""SimcastVecEnv against the host, held to Stable-Baselines3's VecEnv contract (the stand-in's base class)."""
import unittest

import numpy as np
from stable_baselines3.common.vec_env import VecEnv

from simcast import SimcastVecEnv
from tests.support import URL, HostTest


class Sb3VecEnvTest(HostTest):

    def test_it_is_an_sb3_vec_env_over_one_host_environment(self):
        venv = SimcastVecEnv("cartpole", "balance", 4, url=URL)
        try:
            self.assertIsInstance(venv, VecEnv)
            self.assertEqual(venv.num_envs, 4)
            self.assertEqual(venv.observation_space.shape, (4,), "SB3 keeps the single copy's space")
            venv.seed(7)
            observations = venv.reset()
            self.assertEqual(observations.shape, (4, 4))
            self.assertEqual(venv._seeds, [None] * 4, "seeds are used by one reset only")
            self.assertEqual(venv.get_attr("render_mode"), [None] * 4)
            self.assertEqual(venv.env_is_wrapped(object), [False] * 4)
        finally:
            venv.close()

    def test_an_ended_copy_is_reset_in_the_same_step_with_its_terminal_observation(self):
        venv = SimcastVecEnv("cartpole", "balance", 2, url=URL, seed=1)
        try:
            venv.reset()
            push = np.array([[1.0], [-1.0]])
            steps = 0
            while True:
                observations, rewards, dones, infos = venv.step(push)
                steps += 1
                if dones[0]:
                    break
            self.assertEqual(rewards[0], 1.0, "the ending step's own reward")
            terminal = infos[0]["terminal_observation"]
            self.assertGreater(abs(terminal[2]), np.radians(12))
            self.assertFalse(infos[0]["TimeLimit.truncated"], "a fallen pole is terminal: no bootstrap")
            self.assertLess(abs(observations[0][2]), 0.06, "the new episode started in the same step")
            self.assertEqual(venv.reset_infos[0], {})
        finally:
            venv.close()

    def test_a_time_limit_is_marked_for_bootstrapping(self):
        venv = SimcastVecEnv("panda", "reach", 2, url=URL, max_episode_steps=3)
        try:
            venv.reset()
            for _ in range(3):
                _, _, dones, infos = venv.step(np.zeros((2, 7)))
            self.assertTrue(dones.all())
            self.assertTrue(all(info["TimeLimit.truncated"] for info in infos))
            self.assertIn("is_success", infos[0], "the ended episode's info")
        finally:
            venv.close()

    def test_states_go_through_env_method_and_frames_through_get_images(self):
        venv = SimcastVecEnv("cartpole", "swing-up", 2, url=URL, render_mode="rgb_array", render_size=(32, 24))
        try:
            venv.reset()
            states = venv.env_method("get_state")
            self.assertEqual(len(states), 2)
            self.assertEqual(len(states[1]["qpos"]), 2)
            images = venv.get_images()
            self.assertEqual(images[0].shape, (24, 32, 3))
            self.assertEqual(venv.render().shape, (24, 64, 3), "two frames side by side")
        finally:
            venv.close()


if __name__ == "__main__":
    unittest.main()
