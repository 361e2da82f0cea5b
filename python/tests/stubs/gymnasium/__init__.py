"""A stand-in for the parts of Gymnasium 1.x that Simcast's package and scripts use, written from Gymnasium's public
API documentation because PyPI is out of reach where the tests run: Env (its attributes and reset's seeding),
spaces.Box, vector.VectorEnv and AutoresetMode, and the registry (register, make, make_vec, spec) with its
entry_point / vector_entry_point rules. It is not Gymnasium: real Gymnasium was not run by these tests. The types are
the package's own stand-ins (simcast/_standins.py, also its fallbacks without Gymnasium); the registry is here."""
import importlib

import standins

from . import spaces, vector

__version__ = "1.0.0-stand-in"


Env = standins.load().Env


class EnvSpec:
    def __init__(self, id, entry_point=None, vector_entry_point=None, max_episode_steps=None, kwargs=None):
        self.id = id
        self.entry_point = entry_point
        self.vector_entry_point = vector_entry_point
        self.max_episode_steps = max_episode_steps
        self.kwargs = dict(kwargs or {})


registry = {}


def register(id, entry_point=None, vector_entry_point=None, max_episode_steps=None, kwargs=None, **ignored):
    if entry_point is None and vector_entry_point is None:
        raise ValueError("Either `entry_point` or `vector_entry_point` (or both) must be provided")
    registry[id] = EnvSpec(id, entry_point, vector_entry_point, max_episode_steps, kwargs)


def spec(env_id):
    return _find(env_id)


def _find(env_id):
    if ":" in env_id:  # "module:EnvId" imports the module first, as Gymnasium's make does
        module, env_id = env_id.split(":", 1)
        importlib.import_module(module)
    if env_id not in registry:
        raise KeyError(f"Environment {env_id} doesn't exist")
    return registry[env_id]


def _load(entry_point):
    if callable(entry_point):
        return entry_point
    module, name = entry_point.split(":")
    return getattr(importlib.import_module(module), name)


def make(env_id, **kwargs):
    found = _find(env_id)
    arguments = dict(found.kwargs)
    arguments.update(kwargs)
    env = _load(found.entry_point)(**arguments)
    if found.max_episode_steps is not None:
        raise NotImplementedError("the stand-in has no TimeLimit wrapper")
    env.spec = found
    return env


def make_vec(env_id, num_envs=1, vectorization_mode=None, vector_kwargs=None, wrappers=None, **kwargs):
    found = _find(env_id)
    arguments = dict(found.kwargs)
    arguments.update(kwargs)
    if vectorization_mode is None:
        vectorization_mode = "vector_entry_point" if found.vector_entry_point is not None else "sync"
    if vectorization_mode != "vector_entry_point":
        raise NotImplementedError("the stand-in only has the vector_entry_point vectorization mode")
    env = _load(found.vector_entry_point)(num_envs=num_envs, **arguments)
    if not isinstance(env.metadata.get("autoreset_mode"), vector.AutoresetMode):
        raise AssertionError("make_vec: metadata['autoreset_mode'] is not an AutoresetMode")
    env.spec = found
    return env
