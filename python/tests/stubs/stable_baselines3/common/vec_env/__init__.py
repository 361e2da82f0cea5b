"""SB3's VecEnv base class (stand-in; see the package's docstring).

The contract: VecEnv(num_envs, observation_space, action_space) asks get_attr("render_mode") in its constructor;
reset() -> observations (infos in reset_infos), seeds and options set by seed() / set_options() are used by the next
reset only; step(actions) = step_async + step_wait -> (observations, rewards, dones, infos: a list of dicts), an
ended copy reset in the same step with info["terminal_observation"]; get_attr, set_attr, env_method,
env_is_wrapped, close are abstract."""
from abc import ABC, abstractmethod

import numpy as np


class VecEnv(ABC):
    def __init__(self, num_envs, observation_space, action_space):
        self.num_envs = num_envs
        self.observation_space = observation_space
        self.action_space = action_space
        self.reset_infos = [{} for _ in range(num_envs)]
        self._seeds = [None for _ in range(num_envs)]
        self._options = [{} for _ in range(num_envs)]
        render_modes = self.get_attr("render_mode")
        assert all(mode == render_modes[0] for mode in render_modes)
        self.render_mode = render_modes[0]
        self.metadata = {"render_modes": ["human", "rgb_array"] if self.render_mode == "rgb_array" else []}

    def _reset_seeds(self):
        self._seeds = [None for _ in range(self.num_envs)]

    def _reset_options(self):
        self._options = [{} for _ in range(self.num_envs)]

    @abstractmethod
    def reset(self):
        raise NotImplementedError

    @abstractmethod
    def step_async(self, actions):
        raise NotImplementedError

    @abstractmethod
    def step_wait(self):
        raise NotImplementedError

    @abstractmethod
    def close(self):
        raise NotImplementedError

    @abstractmethod
    def get_attr(self, attr_name, indices=None):
        raise NotImplementedError

    @abstractmethod
    def set_attr(self, attr_name, value, indices=None):
        raise NotImplementedError

    @abstractmethod
    def env_method(self, method_name, *method_args, indices=None, **method_kwargs):
        raise NotImplementedError

    @abstractmethod
    def env_is_wrapped(self, wrapper_class, indices=None):
        raise NotImplementedError

    def step(self, actions):
        self.step_async(actions)
        return self.step_wait()

    def seed(self, seed=None):
        if seed is None:
            seed = int(np.random.randint(0, np.iinfo(np.uint32).max, dtype=np.uint32))
        self._seeds = [seed + idx for idx in range(self.num_envs)]
        return self._seeds

    def set_options(self, options=None):
        if options is None:
            options = {}
        if isinstance(options, dict):
            self._options = [dict(options) for _ in range(self.num_envs)]
        else:
            self._options = [dict(o) for o in options]

    @property
    def unwrapped(self):
        return self
