"""SB3's VecEnv base class (stand-in; see the package's docstring).

The contract: VecEnv(num_envs, observation_space, action_space) asks get_attr("render_mode") in its constructor;
reset() -> observations (infos in reset_infos), seeds and options set by seed() / set_options() are used by the next
reset only; step(actions) = step_async + step_wait -> (observations, rewards, dones, infos: a list of dicts), an
ended copy reset in the same step with info["terminal_observation"]; get_attr, set_attr, env_method,
env_is_wrapped, close are abstract."""
import standins

VecEnv = standins.load().VecEnv
