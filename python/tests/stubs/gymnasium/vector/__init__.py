"""gymnasium.vector's VectorEnv base class and AutoresetMode (stand-in; see the package's docstring).

The contract the tests hold Simcast to: num_envs, single_ and batched spaces, metadata["autoreset_mode"] an
AutoresetMode, reset(seed=int | list, options={"reset_mask": bool array}) -> (observations, infos), step(actions) ->
(observations, rewards, terminations, truncations, infos), infos a dict of arrays with "_key" masks, close() calling
close_extras() once and setting closed."""
from enum import Enum

import numpy as np


class AutoresetMode(Enum):
    NEXT_STEP = "NextStep"
    SAME_STEP = "SameStep"
    DISABLED = "Disabled"


class VectorEnv:
    metadata = {}
    spec = None
    render_mode = None
    closed = False
    num_envs = None
    observation_space = None
    action_space = None
    single_observation_space = None
    single_action_space = None
    _np_random = None

    def reset(self, *, seed=None, options=None):
        if seed is not None:
            self._np_random = np.random.default_rng(seed)

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

    @property
    def np_random(self):
        if self._np_random is None:
            self._np_random = np.random.default_rng()
        return self._np_random

    @property
    def unwrapped(self):
        return self
