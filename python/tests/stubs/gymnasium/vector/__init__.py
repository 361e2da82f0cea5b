"""gymnasium.vector's VectorEnv base class and AutoresetMode (stand-in; see the package's docstring).

The contract the tests hold Simcast to: num_envs, single_ and batched spaces, metadata["autoreset_mode"] an
AutoresetMode, reset(seed=int | list, options={"reset_mask": bool array}) -> (observations, infos), step(actions) ->
(observations, rewards, terminations, truncations, infos), infos a dict of arrays with "_key" masks, close() calling
close_extras() once and setting closed."""
import standins

AutoresetMode = standins.load().AutoresetMode
VectorEnv = standins.load().VectorEnv
