"""A Gymnasium vector environment whose copies a Simcast host steps together, one request per step."""
import numpy as np

from ._compat import AutoresetMode, VectorEnvBase, batch, box
from .client import Client
from .errors import SimcastError

RENDER_SIZE = (640, 480)


def add_info(infos, info, i, num_envs):
    """Gymnasium's dict-of-arrays infos: info[key] goes to infos[key][i], and infos["_" + key][i] says it is there.

    Numbers and booleans get arrays of their type, nested dicts are merged the same way, anything else an object
    array (as gymnasium.vector.VectorEnv._add_info does).
    """
    for key, value in info.items():
        if isinstance(value, dict):
            array = add_info(infos.get(key, {}), value, i, num_envs)
        else:
            array = infos.get(key)
            if array is None:
                if isinstance(value, bool):
                    array = np.zeros(num_envs, dtype=np.bool_)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    array = np.zeros(num_envs, dtype=type(value))
                elif isinstance(value, np.ndarray):
                    array = np.zeros((num_envs,) + value.shape, dtype=value.dtype)
                else:
                    array = np.full(num_envs, None, dtype=object)
            array[i] = value
        mask = infos.get("_" + key)
        if mask is None:
            mask = np.zeros(num_envs, dtype=np.bool_)
        mask[i] = True
        infos[key], infos["_" + key] = array, mask
    return infos


def dict_infos(infos, num_envs):
    """A list of per-copy infos (what the host sends) as Gymnasium's dict of arrays."""
    first = infos[0] if infos else None
    if first and all(type(v) in (bool, float) for v in first.values()) \
            and all(info.keys() == first.keys() for info in infos):
        # The usual case (every copy reports the same numbers and flags): one array per key at once.
        merged = {}
        everywhere = np.ones(num_envs, dtype=np.bool_)
        for key, value in first.items():
            merged[key] = np.array([info[key] for info in infos], dtype=type(value))
            merged["_" + key] = everywhere.copy()
        return merged
    merged = {}
    for i, info in enumerate(infos):
        if info:
            add_info(merged, info, i, num_envs)
    return merged


class SimcastVectorEnv(VectorEnvBase):
    """num_envs copies of a Simcast task in one host environment, with Gymnasium 1.x's vector API.

    robot, task: a catalogue task (simcast.Client().robots() lists them), or custom=... for a model of your own.
    autoreset_mode: gymnasium.vector.AutoresetMode.NEXT_STEP (Gymnasium's default), SAME_STEP (infos carry final_obs
        and final_info) or DISABLED (reset ended copies with options={"reset_mask": ...}); in metadata.
    task_options: the task's create-time options (e.g. {"observation_noise": 0} for anymal/walk).
    render_mode: "rgb_array" makes render() return a frame of each copy (render_size = (width, height)).
    url, token, client: where the host is (see simcast.Client).

    Observations are float32 arrays of shape (num_envs, obs_dim); actions are clipped to the action space before
    they are sent; infos are Gymnasium's dict of arrays with "_key" masks. close() closes the host's environment.
    """

    metadata = {"render_modes": ["rgb_array"], "autoreset_mode": AutoresetMode.NEXT_STEP}

    def __init__(self, robot=None, task=None, num_envs=1, *, url=None, token=None, client=None, seed=None,
                 max_episode_steps=None, autoreset_mode=AutoresetMode.NEXT_STEP, task_options=None, custom=None,
                 render_mode=None, render_size=RENDER_SIZE, render_camera=None):
        self.client = client if client is not None else Client(url, token)
        self.autoreset_mode = autoreset_mode if isinstance(autoreset_mode, AutoresetMode) \
            else AutoresetMode(autoreset_mode)
        created = self.client.create(robot, task, num_envs=num_envs, seed=seed, max_episode_steps=max_episode_steps,
                                     autoreset_mode=self.autoreset_mode.value, task_options=task_options,
                                     custom=custom)
        self.env_id = created["id"]
        self.robot, self.task = created["robot"], created["task"]
        self.num_envs = created["num_envs"]
        self.max_episode_steps = created["max_episode_steps"]
        self.control_timestep = created["control_timestep"]
        self.single_observation_space = box(created["observation_space"])
        self.single_action_space = box(created["action_space"])
        self.observation_space = batch(self.single_observation_space, self.num_envs)
        self.action_space = batch(self.single_action_space, self.num_envs)
        self.render_mode = render_mode
        self.render_size = tuple(render_size)
        self.render_camera = render_camera
        self.metadata = {"render_modes": ["rgb_array"], "render_fps": 1.0 / self.control_timestep,
                         "autoreset_mode": self.autoreset_mode}
        self._low = self.single_action_space.low.astype(np.float64)
        self._high = self.single_action_space.high.astype(np.float64)
        self._observations = np.zeros(self.observation_space.shape, dtype=np.float32)

    def reset(self, *, seed=None, options=None):
        """Resets every copy, or those options["reset_mask"] selects (a bool array of num_envs).

        seed: an int (copy i gets seed + i), a list with one seed or None per copy, or None.
        """
        super().reset(seed=seed if isinstance(seed, (int, np.integer)) else None)
        options = dict(options or {})
        mask = options.pop("reset_mask", None)
        if mask is not None:
            mask = np.asarray(mask)
            if mask.shape != (self.num_envs,) or mask.dtype != np.bool_:
                raise ValueError(f"options['reset_mask'] must be a bool array of shape ({self.num_envs},), got "
                                 f"{mask.dtype} {mask.shape}")
        answer = self.client.reset(self.env_id, seed, options, mask)
        self._observations = np.asarray(answer["observations"], dtype=np.float32)
        return self._observations.copy(), dict_infos(answer["infos"], self.num_envs)

    def step(self, actions):
        """Steps every copy; returns (observations, rewards, terminations, truncations, infos)."""
        actions = np.clip(np.asarray(actions, dtype=np.float64).reshape(self.num_envs, -1), self._low, self._high)
        answer = self.client.step(self.env_id, actions)
        self._observations = np.asarray(answer["observations"], dtype=np.float32)
        infos = dict_infos(answer["infos"], self.num_envs)
        if "final_obs" in answer:  # same-step autoreset: the ended episodes' last observations and infos
            final_obs = np.full(self.num_envs, None, dtype=object)
            final_info = {}
            ended = np.zeros(self.num_envs, dtype=np.bool_)
            for i, (observation, info) in enumerate(zip(answer["final_obs"], answer["final_info"])):
                if observation is not None:
                    final_obs[i] = np.asarray(observation, dtype=np.float32)
                    add_info(final_info, info or {}, i, self.num_envs)
                    ended[i] = True
            if ended.any():
                infos["final_obs"], infos["_final_obs"] = final_obs, ended
                infos["final_info"], infos["_final_info"] = final_info, ended.copy()
        return (self._observations.copy(), np.asarray(answer["rewards"], dtype=np.float64),
                np.asarray(answer["terminated"], dtype=np.bool_), np.asarray(answer["truncated"], dtype=np.bool_),
                infos)

    def render(self):
        """A frame (H x W x 3 uint8) of every copy as the last call left it, when render_mode is "rgb_array"."""
        if self.render_mode != "rgb_array":
            return None
        return tuple(self.render_copy(i) for i in range(self.num_envs))

    def render_copy(self, copy=0, width=None, height=None, camera=None):
        """One copy's frame, any size and camera (a fixed camera of the model by name)."""
        width = width or self.render_size[0]
        height = height or self.render_size[1]
        return self.client.render(self.env_id, copy, width, height, camera or self.render_camera)

    def get_state(self, copy=0):
        """The copy's whole state (a dict), to put back later with set_state."""
        return self.client.state(self.env_id, copy)

    def set_state(self, copy, state):
        """Puts a state back into a copy; its episode goes on from there. Returns its observation."""
        observation = np.asarray(self.client.set_state(self.env_id, copy, state)["observation"], dtype=np.float32)
        self._observations[copy] = observation
        return observation

    def close_extras(self, **kwargs):
        try:
            self.client.delete(self.env_id)
        except SimcastError as error:
            if error.status != 404:  # gone already (closed when idle): nothing to close
                raise
        finally:
            self.client.close()

    def __repr__(self):
        return f"SimcastVectorEnv({self.robot}/{self.task}, {self.env_id}, num_envs={self.num_envs})"
