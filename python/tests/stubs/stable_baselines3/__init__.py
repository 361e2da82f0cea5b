"""A stand-in for Stable-Baselines3's VecEnv interface (PyPI is out of reach where the tests run), written from SB3's
public API documentation: stable_baselines3.common.vec_env.VecEnv. No algorithm: the tests check Simcast's VecEnv
against the interface only; real Stable-Baselines3 was not run by these tests."""
__version__ = "2.3.0-stand-in"
