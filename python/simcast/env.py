"""One Simcast environment copy with Gymnasium's Env API: what gymnasium.make("Simcast/...") returns."""
import numpy as np

from ._compat import AutoresetMode, EnvBase
from .vector import RENDER_SIZE, SimcastVectorEnv


class SimcastEnv(EnvBase):
    """A single copy of a Simcast task (a host environment with num_envs = 1 and no autoreset).

    Takes the arguments of SimcastVectorEnv (robot, task or custom, url, token, seed, max_episode_steps,
    task_options, render_mode, render_size). The host applies the episode limit (truncated = True), so it needs no
    TimeLimit wrapper. reset() after an episode ended is required, as Gymnasium's Env contract says.
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 50}

    def __init__(self, robot=None, task=None, *, url=None, token=None, client=None, seed=None,
                 max_episode_steps=None, task_options=None, custom=None, render_mode=None, render_size=RENDER_SIZE,
                 render_camera=None):
        self.vector = SimcastVectorEnv(robot, task, 1, url=url, token=token, client=client, seed=seed,
                                       max_episode_steps=max_episode_steps, autoreset_mode=AutoresetMode.DISABLED,
                                       task_options=task_options, custom=custom, render_mode=render_mode,
                                       render_size=render_size, render_camera=render_camera)
        self.observation_space = self.vector.single_observation_space
        self.action_space = self.vector.single_action_space
        self.render_mode = render_mode
        self.metadata = {"render_modes": ["rgb_array"], "render_fps": self.vector.metadata["render_fps"]}

    @property
    def env_id(self):
        """The host's id of this environment (GET /api/rl lists it; the page's Watch picker shows it)."""
        return self.vector.env_id

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        observations, infos = self.vector.reset(seed=seed, options=options)
        return observations[0], _first(infos)

    def step(self, action):
        observations, rewards, terminated, truncated, infos = self.vector.step(np.asarray(action).reshape(1, -1))
        return observations[0], float(rewards[0]), bool(terminated[0]), bool(truncated[0]), _first(infos)

    def render(self):
        return self.vector.render_copy(0) if self.render_mode == "rgb_array" else None

    def get_state(self):
        return self.vector.get_state(0)

    def set_state(self, state):
        return self.vector.set_state(0, state)

    def close(self):
        self.vector.close()
        super().close()


def _first(infos):
    """Copy 0's info from Gymnasium's dict of arrays."""
    info = {}
    for key, value in infos.items():
        if key.startswith("_") or not infos.get("_" + key, [False])[0]:
            continue
        info[key] = _first(value) if isinstance(value, dict) else value[0].item() \
            if isinstance(value[0], np.generic) else value[0]
    return info
