"""Loads the package's own stand-ins (simcast/_standins.py) by path, without importing the simcast package (which
imports gymnasium: these stubs are gymnasium here), so that the test stand-ins and the package's fallbacks are one
implementation, written from Gymnasium's and Stable-Baselines3's public API documentation."""
import importlib.util
import pathlib
import sys

_NAME = "simcast_standins_for_tests"


def load():
    if _NAME not in sys.modules:
        path = pathlib.Path(__file__).resolve().parents[2] / "simcast" / "_standins.py"
        spec = importlib.util.spec_from_file_location(_NAME, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[_NAME]
