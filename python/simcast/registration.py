"""Gymnasium ids for Simcast's tasks: gymnasium.make("Simcast/PandaReach-v0", url=...) and make_vec."""

TASKS = {
    "Simcast/CartPoleBalance-v0": ("cartpole", "balance"),
    "Simcast/CartPoleSwingUp-v0": ("cartpole", "swing-up"),
    "Simcast/PandaReach-v0": ("panda", "reach"),
    "Simcast/PandaPickCube-v0": ("panda", "pick-cube"),
    "Simcast/UR5eReach-v0": ("ur5e", "reach"),
    "Simcast/AnymalWalk-v0": ("anymal", "walk"),
}
CUSTOM = "Simcast/Custom-v0"


def register_envs():
    """Registers every id (and Simcast/Custom-v0, which needs custom=...) when Gymnasium is installed.

    Called when simcast is imported; gymnasium.make("simcast:Simcast/PandaReach-v0") imports it for you. Each id
    has an entry point (SimcastEnv) and a vector entry point (SimcastVectorEnv, one request per step for all
    copies), so make_vec(id, num_envs=16) steps all copies in one host environment. No TimeLimit is added: the host
    truncates at max_episode_steps.
    """
    try:
        import gymnasium
    except ImportError:
        return False
    for env_id, (robot, task) in TASKS.items():
        gymnasium.register(env_id, entry_point="simcast.env:SimcastEnv",
                           vector_entry_point="simcast.vector:SimcastVectorEnv",
                           kwargs={"robot": robot, "task": task})
    gymnasium.register(CUSTOM, entry_point="simcast.env:SimcastEnv",
                       vector_entry_point="simcast.vector:SimcastVectorEnv")
    return True
