"""Stand-ins for the few types of Gymnasium 1.x and Stable-Baselines3 these environments are built on, written from
their public API documentation, for when those libraries are not installed: gymnasium.spaces.Box, gymnasium.Env,
gymnasium.vector.VectorEnv and AutoresetMode, stable_baselines3.common.vec_env.VecEnv. Same names, attributes and
calls as far as the environments and their users need them; nothing more (no wrappers, no registry, no algorithms).

Imports numpy only, so that the package's test stand-ins for those libraries (python/tests/stubs) can load it by
path without importing the package.
"""
import enum
from abc import ABC, abstractmethod

import numpy as np


class AutoresetMode(enum.Enum):
    """gymnasium.vector.AutoresetMode: same members and values."""
    NEXT_STEP = "NextStep"
    SAME_STEP = "SameStep"
    DISABLED = "Disabled"


class Box:
    """gymnasium.spaces.Box: bounds, shape, dtype, seed, sample, contains, equality."""

    def __init__(self, low, high, shape=None, dtype=np.float32, seed=None):
        self.dtype = np.dtype(dtype)
        shape = tuple(shape) if shape is not None else np.shape(low)
        self.low = np.broadcast_to(np.asarray(low, dtype=self.dtype), shape).copy()
        self.high = np.broadcast_to(np.asarray(high, dtype=self.dtype), shape).copy()
        self.shape = shape
        self.np_random = np.random.default_rng(seed)

    def seed(self, seed=None):
        self.np_random = np.random.default_rng(seed)
        return [seed]

    def sample(self):
        low = np.where(np.isfinite(self.low), self.low, -1.0)
        high = np.where(np.isfinite(self.high), self.high, 1.0)
        return self.np_random.uniform(low, high).astype(self.dtype)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all(x >= self.low) and np.all(x <= self.high))

    def __eq__(self, other):
        return isinstance(other, Box) and self.shape == other.shape and np.array_equal(self.low, other.low) \
            and np.array_equal(self.high, other.high) and self.dtype == other.dtype

    def __repr__(self):
        return f"Box({self.low.min()}, {self.high.max()}, {self.shape}, {self.dtype})"


class _Seeded:
    """np_random as Gymnasium's Env and VectorEnv keep it: made on first use, replaced by a seeded reset."""
    _np_random = None

    @property
    def np_random(self):
        if self._np_random is None:
            self._np_random = np.random.default_rng()
        return self._np_random

    def reset(self, *, seed=None, options=None):
        if seed is not None:
            self._np_random = np.random.default_rng(seed)

    @property
    def unwrapped(self):
        return self


class Env(_Seeded):
    """gymnasium.Env: metadata, render_mode, spec, np_random seeded by reset, render, close."""
    metadata = {"render_modes": []}
    render_mode = None
    spec = None

    def render(self):
        raise NotImplementedError

    def close(self):
        pass


class VectorEnv(_Seeded):
    """gymnasium.vector.VectorEnv: its attributes, np_random seeded by reset, close calling close_extras once."""
    metadata = {}
    spec = None
    render_mode = None
    closed = False
    num_envs = None
    observation_space = None
    action_space = None
    single_observation_space = None
    single_action_space = None

    def step(self, actions):
        raise NotImplementedError

    def render(self):
        raise NotImplementedError

    def close(self, **kwargs):
        if self.closed:
            return
        self.close_extras(**kwargs)
        self.closed = True

    def close_extras(self, **kwargs):
        pass


class VecEnv(ABC):
    """stable_baselines3.common.vec_env.VecEnv: the constructor (which asks get_attr("render_mode")), reset_infos,
    the seeds and options the next reset uses once, step = step_async + step_wait, and the abstract methods."""

    def __init__(self, num_envs, observation_space, action_space):
        self.num_envs = num_envs
        self.observation_space = observation_space
        self.action_space = action_space
        self.reset_infos = [{} for _ in range(num_envs)]
        self._seeds = [None for _ in range(num_envs)]
        self._options = [{} for _ in range(num_envs)]
        render_modes = self.get_attr("render_mode")
        assert all(mode == render_modes[0] for mode in render_modes), "render_mode must be the same for all"
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
