"""gymnasium.spaces.Box as far as the generated script uses it."""
import numpy as np


class Box:
    def __init__(self, low, high, shape=None, dtype=np.float32):
        self.dtype = np.dtype(dtype)
        self.low = np.asarray(low, dtype=self.dtype)
        self.high = np.asarray(high, dtype=self.dtype)
        self.shape = tuple(shape) if shape is not None else self.low.shape
        assert self.low.shape == self.shape and self.high.shape == self.shape
        self._random = np.random.default_rng(0)

    def sample(self):
        return self._random.uniform(self.low, self.high).astype(self.dtype)
