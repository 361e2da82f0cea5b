"""SimcastVectorEnv against the host, through Gymnasium's registry (the stand-in's make and make_vec)."""
import unittest

import gymnasium as gym
import numpy as np
from gymnasium.vector import AutoresetMode

import simcast
from simcast import SimcastVectorEnv
from tests.support import REACHER_TASK, URL, HostTest


class VectorEnvTest(HostTest):

    def test_make_vec_gives_one_host_environment_with_the_vector_api(self):
        envs = gym.make_vec("Simcast/PandaReach-v0", num_envs=3, url=URL)
        try:
            self.assertIsInstance(envs, gym.vector.VectorEnv)
            self.assertEqual(envs.num_envs, 3)
            self.assertEqual(envs.metadata["autoreset_mode"], AutoresetMode.NEXT_STEP)
            self.assertEqual(envs.single_observation_space.shape, (30,))
            self.assertEqual(envs.observation_space.shape, (3, 30))
            self.assertEqual(envs.action_space.shape, (3, 7))
            with simcast.Client(URL) as client:
                listed = [e["id"] for e in client.environments()["environments"]]
            self.assertIn(envs.env_id, listed)
            observations, infos = envs.reset(seed=5)
            self.assertEqual(observations.dtype, np.float32)
            self.assertEqual(observations.shape, (3, 30))
            observations, rewards, terminations, truncations, infos = envs.step(envs.action_space.sample())
            self.assertEqual(rewards.shape, (3,))
            self.assertEqual(terminations.dtype, np.bool_)
            self.assertEqual(infos["is_success"].dtype, np.bool_, "infos are a dict of arrays")
            self.assertTrue(infos["_is_success"].all())
            self.assertEqual(infos["distance"].shape, (3,))
        finally:
            envs.close()
        self.assertTrue(envs.closed)
        with simcast.Client(URL) as client:
            listed = [e["id"] for e in client.environments()["environments"]]
        self.assertNotIn(envs.env_id, listed, "close() closed the host's environment")

    def test_a_seeded_episode_replays_identically(self):
        runs = []
        for _ in range(2):
            envs = SimcastVectorEnv("anymal", "walk", 2, url=URL, seed=1)
            try:
                actions = np.random.default_rng(3).uniform(-1, 1, size=(40, 2, 12))
                observations, _ = envs.reset(seed=11)
                trajectory = [observations]
                for action in actions:
                    observations, rewards, _, _, _ = envs.step(action)
                    trajectory.append(observations)
                    trajectory.append(rewards)
                runs.append(trajectory)
            finally:
                envs.close()
        for first, second in zip(*runs):
            np.testing.assert_array_equal(first, second)

    def test_next_step_mode_resets_an_ended_copy_on_the_step_after(self):
        envs = gym.make_vec("Simcast/CartPoleBalance-v0", num_envs=2, url=URL)
        try:
            envs.reset(seed=1)
            push = np.array([[1.0], [-1.0]])
            while True:
                observations, rewards, terminations, _, _ = envs.step(push)
                if terminations[0]:
                    break
            self.assertGreater(abs(observations[0][2]), np.radians(12), "the final observation")
            observations, rewards, terminations, truncations, _ = envs.step(push)
            self.assertEqual(rewards[0], 0.0)
            self.assertFalse(terminations[0] or truncations[0])
            self.assertLess(abs(observations[0][2]), 0.06, "the next episode's first observation")
        finally:
            envs.close()

    def test_same_step_mode_returns_final_obs_and_final_info_as_gymnasium_does(self):
        envs = SimcastVectorEnv("panda", "reach", 2, url=URL, max_episode_steps=5,
                                autoreset_mode=AutoresetMode.SAME_STEP)
        try:
            self.assertEqual(envs.metadata["autoreset_mode"], AutoresetMode.SAME_STEP)
            envs.reset(seed=2)
            for _ in range(4):
                _, _, _, truncations, infos = envs.step(np.zeros((2, 7)))
                self.assertNotIn("final_obs", infos)
            observations, _, _, truncations, infos = envs.step(np.ones((2, 7)))
            self.assertTrue(truncations.all())
            self.assertTrue(infos["_final_obs"].all())
            self.assertEqual(infos["final_obs"].dtype, object)
            self.assertEqual(infos["final_obs"][0].shape, (30,))
            self.assertFalse(np.array_equal(infos["final_obs"][0], observations[0]),
                             "observations hold the new episode's first")
            self.assertTrue(infos["final_info"]["_distance"].all())
            self.assertEqual(infos["final_info"]["distance"].shape, (2,))
        finally:
            envs.close()

    def test_a_reset_mask_resets_only_the_chosen_copies_with_their_own_seeds(self):
        envs = SimcastVectorEnv("cartpole", "balance", 3, url=URL, autoreset_mode=AutoresetMode.DISABLED)
        twin = SimcastVectorEnv("cartpole", "balance", 1, url=URL)
        try:
            envs.reset(seed=[4, 5, 6])
            stepped, _, _, _, _ = envs.step(np.full((3, 1), 0.5))
            mask = np.array([False, True, False])
            observations, infos = envs.reset(seed=[None, 40, None], options={"reset_mask": mask})
            np.testing.assert_array_equal(observations[[0, 2]], stepped[[0, 2]])
            expected, _ = twin.reset(seed=40)
            np.testing.assert_array_equal(observations[1], expected[0])
            with self.assertRaises(ValueError):
                envs.reset(options={"reset_mask": np.array([1, 0, 1])})
        finally:
            envs.close()
            twin.close()

    def test_rgb_array_frames_show_the_copy(self):
        envs = gym.make_vec("Simcast/CartPoleBalance-v0", num_envs=2, url=URL, render_mode="rgb_array",
                            render_size=(96, 64))
        try:
            envs.reset(seed=0)
            frames = envs.render()
            self.assertEqual(len(frames), 2)
            self.assertEqual(frames[0].shape, (64, 96, 3))
            self.assertEqual(frames[0].dtype, np.uint8)
            self.assertGreater(len(np.unique(frames[0].reshape(-1, 3), axis=0)), 5, "a picture, not a flat colour")
            big = envs.render_copy(1, width=160, height=120)
            self.assertEqual(big.shape, (120, 160, 3))
        finally:
            envs.close()

    def test_a_state_read_and_put_back_gives_the_same_next_steps(self):
        envs = SimcastVectorEnv("panda", "pick-cube", 1, url=URL, seed=3)
        try:
            envs.reset(seed=3)
            for _ in range(5):
                envs.step(np.full((1, 8), 0.3))
            state = envs.get_state(0)
            self.assertEqual(len(state["qpos"]), 16)
            self.assertEqual(state["elapsed_steps"], 5)
            first = [envs.step(np.full((1, 8), -0.2))[0] for _ in range(5)]
            restored = envs.set_state(0, state)
            self.assertEqual(restored.shape, (44,))
            again = [envs.step(np.full((1, 8), -0.2))[0] for _ in range(5)]
            for a, b in zip(first, again):
                np.testing.assert_array_equal(a, b)
        finally:
            envs.close()

    def test_a_model_of_ones_own_steps_resets_and_renders(self):
        envs = gym.make_vec("Simcast/Custom-v0", num_envs=2, url=URL, custom=REACHER_TASK, seed=0,
                            max_episode_steps=20, render_mode="rgb_array", render_size=(80, 60))
        try:
            self.assertEqual(envs.single_action_space.shape, (2,))
            self.assertEqual(envs.single_observation_space.shape, (7,))
            observations, _ = envs.reset(seed=1)
            total = np.zeros(2)
            for t in range(20):
                observations, rewards, terminations, truncations, _ = envs.step(np.array([[1.0, -1.0], [0.0, 0.0]]))
                total += rewards
            self.assertTrue(truncations.all(), "max_episode_steps=20")
            self.assertTrue((total < 0).all(), "minus the distance to the goal, every step")
            self.assertNotEqual(observations[0][0], observations[1][0], "the motors moved copy 0 only")
            self.assertEqual(envs.render()[0].shape, (60, 80, 3))
            camera = envs.render_copy(0, camera="above")
            self.assertEqual(camera.shape, (60, 80, 3))
        finally:
            envs.close()

    def test_a_bad_custom_model_is_refused_with_mujocos_words(self):
        with self.assertRaises(simcast.SimcastError) as refused:
            SimcastVectorEnv(custom=dict(REACHER_TASK, mjcf="<mujoco><worldbody><bogus/></worldbody></mujoco>"),
                             url=URL)
        self.assertEqual(refused.exception.status, 400)
        self.assertIn("bogus", refused.exception.message)


class SingleEnvTest(HostTest):

    def test_make_gives_one_copy_with_gymnasiums_env_api(self):
        env = gym.make("simcast:Simcast/CartPoleSwingUp-v0", url=URL, render_mode="rgb_array", render_size=(64, 48))
        try:
            self.assertIsInstance(env, gym.Env)
            observation, info = env.reset(seed=3)
            self.assertEqual(observation.shape, (5,))
            self.assertLess(observation[2], -0.99, "hanging: cos theta")
            observation, reward, terminated, truncated, info = env.step(env.action_space.sample())
            self.assertIsInstance(reward, float)
            self.assertIsInstance(terminated, bool)
            self.assertEqual(env.render().shape, (48, 64, 3))
        finally:
            env.close()

    def test_stepping_after_the_end_without_a_reset_is_refused(self):
        env = gym.make("Simcast/CartPoleBalance-v0", url=URL, max_episode_steps=3)
        try:
            env.reset(seed=0)
            for _ in range(3):
                _, _, terminated, truncated, _ = env.step(np.zeros(1))
            self.assertTrue(terminated or truncated)
            with self.assertRaises(simcast.SimcastError) as refused:
                env.step(np.zeros(1))
            self.assertEqual(refused.exception.status, 409)
        finally:
            env.close()


if __name__ == "__main__":
    unittest.main()
