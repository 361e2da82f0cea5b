"""Gymnasium's and Stable-Baselines3's types when they are installed, the package's own stand-ins (_standins) with the
same shape when not: the environments need numpy only.
"""
import numpy as np

from . import _standins

try:
    import gymnasium
    from gymnasium import spaces as _spaces
    from gymnasium.vector import AutoresetMode, VectorEnv as VectorEnvBase

    EnvBase = gymnasium.Env
    Box = _spaces.Box
except ImportError:  # numpy only
    gymnasium = None
    AutoresetMode = _standins.AutoresetMode
    VectorEnvBase = _standins.VectorEnv
    EnvBase = _standins.Env
    Box = _standins.Box

try:
    from stable_baselines3.common.vec_env import VecEnv as VecEnvBase
except ImportError:
    VecEnvBase = _standins.VecEnv


def box(space):
    """A Simcast Box (JSON) as a float32 Box; infinite bounds arrive as the strings "Infinity" / "-Infinity"."""
    low = np.array([float(v) for v in space["low"]], dtype=np.float32)
    high = np.array([float(v) for v in space["high"]], dtype=np.float32)
    return Box(low=low, high=high, shape=tuple(space["shape"]), dtype=np.float32)


def batch(single, n):
    """Gymnasium's batch_space for a Box: n rows of the single space."""
    return Box(low=np.tile(single.low, (n, 1)), high=np.tile(single.high, (n, 1)), shape=(n,) + single.shape,
               dtype=single.dtype)
