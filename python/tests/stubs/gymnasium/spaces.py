"""gymnasium.spaces.Box (stand-in; see the package's docstring)."""
import standins

Box = standins.load().Box
