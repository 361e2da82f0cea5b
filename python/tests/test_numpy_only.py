"""Without Gymnasium and Stable-Baselines3: the package runs on numpy alone (run without the stand-ins on the path)."""
import importlib.util
import unittest

import numpy as np

import simcast
from tests.support import URL, HostTest


class NumpyOnlyTest(HostTest):

    def test_neither_library_is_importable_here(self):
        self.assertIsNone(importlib.util.find_spec("gymnasium"))
        self.assertIsNone(importlib.util.find_spec("stable_baselines3"))
        self.assertFalse(simcast.register_envs(), "nothing to register with")

    def test_the_vector_env_and_the_vec_env_work_with_numpy_alone(self):
        envs = simcast.SimcastVectorEnv("cartpole", "balance", 2, url=URL,
                                        autoreset_mode=simcast.AutoresetMode.SAME_STEP)
        try:
            self.assertEqual(envs.metadata["autoreset_mode"].value, "SameStep")
            observations, _ = envs.reset(seed=1)
            observations, rewards, _, _, _ = envs.step(envs.action_space.sample())
            self.assertEqual(observations.shape, (2, 4))
            self.assertEqual(list(rewards), [1.0, 1.0])
        finally:
            envs.close()
        venv = simcast.SimcastVecEnv("cartpole", "balance", 2, url=URL)
        try:
            self.assertEqual(venv.reset().shape, (2, 4))
            _, rewards, dones, infos = venv.step(np.zeros((2, 1)))
            self.assertEqual(len(infos), 2)
        finally:
            venv.close()
        env = simcast.SimcastEnv("cartpole", "balance", url=URL)
        try:
            observation, _ = env.reset(seed=2)
            self.assertEqual(observation.shape, (4,))
            self.assertTrue(env.action_space.contains(env.action_space.sample()))
        finally:
            env.close()


if __name__ == "__main__":
    unittest.main()
