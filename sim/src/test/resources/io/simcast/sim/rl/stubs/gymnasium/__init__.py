"""A stand-in for the few parts of Gymnasium 1.x that a generated Simcast script uses (PyPI is out of reach in the
tests): Env.reset's seeding, Env.close, spaces.Box. Enough to run the script's --smoke mode against a test server."""
import numpy as np

from . import spaces


class Env:
    np_random = None

    def reset(self, *, seed=None, options=None):
        if seed is not None or self.np_random is None:
            self.np_random = np.random.default_rng(seed)

    def close(self):
        pass
