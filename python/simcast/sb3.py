"""A Stable-Baselines3 VecEnv over one Simcast host environment: all copies in one request per step.

Follows SB3's VecEnv contract: reset() returns the observations only (infos in reset_infos), step() resets ended
copies within the same step and puts the ended episode's last observation in info["terminal_observation"], and
info["TimeLimit.truncated"] tells a time limit from a terminal state, so that SB3 bootstraps only where it should.
Works with or without stable-baselines3 installed (without it, the class keeps the same interface).
"""
import numpy as np

from ._compat import AutoresetMode, VecEnvBase
from .vector import RENDER_SIZE, SimcastVectorEnv, dict_infos


class SimcastVecEnv(VecEnvBase):
    """num_envs copies of a Simcast task as an SB3 VecEnv; arguments as SimcastVectorEnv's."""

    def __init__(self, robot=None, task=None, num_envs=1, *, url=None, token=None, client=None, seed=None,
                 max_episode_steps=None, task_options=None, custom=None, render_mode=None, render_size=RENDER_SIZE,
                 render_camera=None):
        self.vector = SimcastVectorEnv(robot, task, num_envs, url=url, token=token, client=client, seed=seed,
                                       max_episode_steps=max_episode_steps, autoreset_mode=AutoresetMode.SAME_STEP,
                                       task_options=task_options, custom=custom, render_mode=render_mode,
                                       render_size=render_size, render_camera=render_camera)
        self.render_mode = render_mode
        self._actions = None
        super().__init__(self.vector.num_envs, self.vector.single_observation_space,
                         self.vector.single_action_space)

    @property
    def env_id(self):
        return self.vector.env_id

    def reset(self):
        seeds = None if all(s is None for s in self._seeds) else list(self._seeds)
        distinct = {repr(sorted(o.items())) for o in self._options}
        if len(distinct) <= 1:
            observations, _ = self._reset(seeds, self._options[0] if self._options else {}, None)
        else:  # different options per copy: one masked reset per distinct set
            for chosen in distinct:
                mask = np.array([repr(sorted(o.items())) == chosen for o in self._options])
                options = self._options[int(np.argmax(mask))]
                observations, _ = self._reset(seeds, options, mask)
        self._reset_seeds()
        self._reset_options()
        return observations

    def _reset(self, seeds, options, mask):
        answer = self.vector.client.reset(self.vector.env_id, seeds, options, mask)
        for i, info in enumerate(answer["infos"]):
            if mask is None or mask[i]:
                self.reset_infos[i] = info
        observations = np.asarray(answer["observations"], dtype=np.float32)
        self.vector._observations = observations
        return observations, answer["infos"]

    def step_async(self, actions):
        self._actions = actions

    def step_wait(self):
        actions = np.clip(np.asarray(self._actions, dtype=np.float64).reshape(self.num_envs, -1),
                          self.vector._low, self.vector._high)
        answer = self.vector.client.step(self.vector.env_id, actions)
        observations = np.asarray(answer["observations"], dtype=np.float32)
        terminated = answer["terminated"]
        truncated = answer["truncated"]
        dones = np.logical_or(terminated, truncated)
        infos = []
        for i in range(self.num_envs):
            final = answer["final_obs"][i]
            if final is not None:  # the step's own info is the ended episode's; the reset's goes to reset_infos
                info = dict(answer["final_info"][i] or {})
                info["terminal_observation"] = np.asarray(final, dtype=np.float32)
                self.reset_infos[i] = answer["infos"][i]
            else:
                info = dict(answer["infos"][i])
            info["TimeLimit.truncated"] = bool(truncated[i] and not terminated[i])
            infos.append(info)
        self.vector._observations = observations
        return observations, np.asarray(answer["rewards"], dtype=np.float32), dones, infos

    def close(self):
        self.vector.close()

    def get_images(self):
        return [self.vector.render_copy(i) for i in range(self.num_envs)]

    def render(self, mode=None):
        if (mode or self.render_mode) != "rgb_array":
            return None
        return _tile(self.get_images())

    def get_attr(self, attr_name, indices=None):
        return [getattr(self, attr_name) for _ in self._get_indices(indices)]

    def set_attr(self, attr_name, value, indices=None):
        setattr(self, attr_name, value)

    def env_method(self, method_name, *method_args, indices=None, **method_kwargs):
        """get_state and set_state go to each copy; other methods are called once per index on this object."""
        if method_name == "get_state":
            return [self.vector.get_state(i) for i in self._get_indices(indices)]
        if method_name == "set_state":
            return [self.vector.set_state(i, *method_args, **method_kwargs) for i in self._get_indices(indices)]
        return [getattr(self, method_name)(*method_args, **method_kwargs) for _ in self._get_indices(indices)]

    def env_is_wrapped(self, wrapper_class, indices=None):
        return [False for _ in self._get_indices(indices)]

    def _get_indices(self, indices):
        if indices is None:
            return range(self.num_envs)
        if isinstance(indices, int):
            return [indices]
        return indices


def _tile(images):
    """SB3's tile_images: frames in a near-square grid."""
    images = np.asarray(images)
    n, height, width, channels = images.shape
    columns = int(np.ceil(np.sqrt(n)))
    rows = int(np.ceil(n / columns))
    padded = np.concatenate([images, np.zeros((rows * columns - n, height, width, channels), images.dtype)])
    return padded.reshape(rows, columns, height, width, channels).transpose(0, 2, 1, 3, 4) \
        .reshape(rows * height, columns * width, channels)


__all__ = ["SimcastVecEnv", "dict_infos"]
