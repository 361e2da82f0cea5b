"""Gymnasium's and Stable-Baselines3's types when they are installed, small stand-ins with the same shape when not.

The package needs only numpy: without Gymnasium, the environments still work (plain classes with Gymnasium's
methods and attributes, spaces from here); without Stable-Baselines3, SimcastVecEnv keeps SB3's VecEnv interface.
"""
import enum

import numpy as np

try:
    import gymnasium
    from gymnasium import spaces as _spaces
    from gymnasium.vector import AutoresetMode, VectorEnv as VectorEnvBase

    EnvBase = gymnasium.Env
    Box = _spaces.Box
except ImportError:  # numpy only
    gymnasium = None

    class AutoresetMode(enum.Enum):
        """Gymnasium's gymnasium.vector.AutoresetMode, same members and values."""
        NEXT_STEP = "NextStep"
        SAME_STEP = "SameStep"
        DISABLED = "Disabled"

    class Box:
        """gymnasium.spaces.Box as far as these environments use it: bounds, shape, dtype, sample, contains."""

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

        def __repr__(self):
            return f"Box({self.low.min()}, {self.high.max()}, {self.shape}, {self.dtype})"

    class EnvBase:
        """gymnasium.Env's attributes and its seeding of np_random in reset."""
        metadata = {"render_modes": []}
        render_mode = None
        spec = None
        _np_random = None

        @property
        def np_random(self):
            if self._np_random is None:
                self._np_random = np.random.default_rng()
            return self._np_random

        def reset(self, *, seed=None, options=None):
            if seed is not None:
                self._np_random = np.random.default_rng(seed)

        def close(self):
            pass

        @property
        def unwrapped(self):
            return self

    class VectorEnvBase:
        """gymnasium.vector.VectorEnv's attributes, its seeding in reset and its close protocol."""
        metadata = {}
        spec = None
        render_mode = None
        closed = False
        _np_random = None

        def reset(self, *, seed=None, options=None):
            if seed is not None:
                self._np_random = np.random.default_rng(seed if isinstance(seed, int) else None)

        @property
        def np_random(self):
            if self._np_random is None:
                self._np_random = np.random.default_rng()
            return self._np_random

        def close(self, **kwargs):
            if self.closed:
                return
            self.close_extras(**kwargs)
            self.closed = True

        def close_extras(self, **kwargs):
            pass

        @property
        def unwrapped(self):
            return self

try:
    from stable_baselines3.common.vec_env import VecEnv as VecEnvBase
except ImportError:
    class VecEnvBase:
        """stable_baselines3.common.vec_env.VecEnv's constructor, step, seed and option bookkeeping."""

        def __init__(self, num_envs, observation_space, action_space):
            self.num_envs = num_envs
            self.observation_space = observation_space
            self.action_space = action_space
            self.reset_infos = [{} for _ in range(num_envs)]
            self._seeds = [None for _ in range(num_envs)]
            self._options = [{} for _ in range(num_envs)]
            self.render_mode = self.get_attr("render_mode")[0]
            self.metadata = {"render_modes": ["rgb_array"] if self.render_mode == "rgb_array" else []}

        def _reset_seeds(self):
            self._seeds = [None for _ in range(self.num_envs)]

        def _reset_options(self):
            self._options = [{} for _ in range(self.num_envs)]

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
            self._options = [dict(options) for _ in range(self.num_envs)] if isinstance(options, dict) \
                else [dict(o) for o in options]

        def has_attr(self, attr_name):
            try:
                self.get_attr(attr_name)
                return True
            except AttributeError:
                return False

        def _get_indices(self, indices):
            if indices is None:
                return range(self.num_envs)
            if isinstance(indices, int):
                return [indices]
            return indices

        @property
        def unwrapped(self):
            return self


def box(space):
    """A Simcast Box (JSON) as a float32 Box; infinite bounds arrive as the strings "Infinity" / "-Infinity"."""
    low = np.array([float(v) for v in space["low"]], dtype=np.float32)
    high = np.array([float(v) for v in space["high"]], dtype=np.float32)
    return Box(low=low, high=high, shape=tuple(space["shape"]), dtype=np.float32)


def batch(single, n):
    """Gymnasium's batch_space for a Box: n rows of the single space."""
    return Box(low=np.tile(single.low, (n, 1)), high=np.tile(single.high, (n, 1)), shape=(n,) + single.shape,
               dtype=single.dtype)
