"""Simcast's RL environments for Gymnasium and Stable-Baselines3, stepped by a Simcast host over its REST API.

    import gymnasium as gym, simcast
    envs = gym.make_vec("Simcast/PandaReach-v0", num_envs=16, url="http://127.0.0.1:8000")
    venv = simcast.SimcastVecEnv("anymal", "walk", num_envs=64)      # Stable-Baselines3

Needs numpy only; Gymnasium and Stable-Baselines3 are used when installed. docs/RL.md in the Simcast repository has
every task, option and endpoint.
"""
from ._compat import AutoresetMode
from .client import Client
from .env import SimcastEnv
from .errors import SimcastError
from .registration import TASKS, register_envs
from .sb3 import SimcastVecEnv
from .vector import SimcastVectorEnv

__version__ = "0.1.0"
__all__ = ["AutoresetMode", "Client", "SimcastEnv", "SimcastError", "SimcastVecEnv", "SimcastVectorEnv", "TASKS",
           "register_envs"]

register_envs()
