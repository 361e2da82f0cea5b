package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.sim.rl.ResetOptions;
import io.simcast.sim.rl.RlCatalog;
import io.simcast.sim.rl.VectorEnv;
import io.simcast.streaming.Role;
import java.util.List;
import java.util.Map;

/**
 * Reinforcement learning, for agents that test a controller: create, reset, step and close a Gymnasium-style
 * environment, the same environments {@code /api/rl} opens (on a host, the page's Watch list shows them). Steps run
 * on the caller's thread as lane 0 of the environment. Needs the controller role.
 */
final class RlTools {
    private RlTools() {}

    record Robot(String id, String title, List<String> tasks) {}

    record Created(String env, String robot, String task, int numEnvs, int observationSize, int actionSize,
                   double[] actionLow, double[] actionHigh, int maxEpisodeSteps, double controlTimestep) {}

    record Reset(String env, double[][] observations) {}

    record Stepped(String env, double[][] observations, double[] rewards, boolean[] terminated,
                   boolean[] truncated) {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(
                kit.tool("rl_list_robots", "List RL robots and tasks",
                        "The robots and tasks rl_create accepts.", Schema.object(),
                        call -> RlCatalog.builtIn().robots().stream().map(r -> new Robot(r.id(), r.title(),
                                r.tasks().stream().map(t -> t.id()).toList())).toList()),
                kit.tool("rl_create", "Create an RL environment",
                        "Open a vectorised environment of 'num_envs' copies of a robot and task (rl_list_robots)."
                                + " Answers its id, observation and action sizes and action bounds. Close it with"
                                + " rl_close; an environment unused for the host's idle timeout is closed for you.",
                        Schema.object().text("robot", "The robot, e.g. 'cartpole'.")
                                .text("task", "The task, e.g. 'balance'.")
                                .integer("num_envs", "Copies stepped together; 1 when left out.", 1, 64)
                                .integer("seed", "Seed for the copies' randomness.", 0, Integer.MAX_VALUE)
                                .integer("max_episode_steps", "Truncate episodes after this many steps.", 1, 1_000_000)
                                .required("robot", "task"),
                        call -> {
                            call.require(Role.CONTROLLER, "Creating an RL environment");
                            VectorEnv env = ws.rl().create(call.string("robot"), call.string("task"),
                                    VectorEnv.Settings.of(call.optionalInteger("num_envs").orElse(1),
                                            call.optionalInteger("seed").map(Integer::longValue).orElse(null),
                                            call.optionalInteger("max_episode_steps").orElse(null)), call.grant());
                            return new Created(env.id(), env.spec().robot(), env.spec().id(), env.numEnvs(),
                                    env.singleObservationSpace().size(), env.singleActionSpace().size(),
                                    env.singleActionSpace().low(), env.singleActionSpace().high(),
                                    env.maxEpisodeSteps(), env.controlTimestep());
                        }),
                kit.tool("rl_reset", "Reset an RL environment",
                        "Start new episodes in every copy; answers the first observations, one row per copy.",
                        Schema.object().text("env", "The environment id from rl_create.")
                                .integer("seed", "Seed; copy i gets seed + i.", 0, Integer.MAX_VALUE)
                                .required("env"),
                        call -> {
                            call.require(Role.CONTROLLER, "Resetting an RL environment");
                            VectorEnv env = ws.rl().use(call.string("env"), call.grant());
                            VectorEnv.Reset reset = env.reset(call.optionalInteger("seed").map(Integer::longValue)
                                    .orElse(null), ResetOptions.of(Map.of()));
                            return new Reset(env.id(), reset.observations());
                        }),
                kit.tool("rl_step", "Step an RL environment",
                        "Apply one action per copy and advance one control step; answers observations, rewards and"
                                + " whether each episode terminated or was truncated (such copies reset on the next"
                                + " step, as Gymnasium's next-step autoreset).",
                        Schema.object().text("env", "The environment id from rl_create.")
                                .rows("actions", "One list of numbers per copy (or one list for a single copy).")
                                .required("env", "actions"),
                        call -> {
                            call.require(Role.CONTROLLER, "Stepping an RL environment");
                            VectorEnv env = ws.rl().use(call.string("env"), call.grant());
                            VectorEnv.Step step = env.step(call.rows("actions"));
                            return new Stepped(env.id(), step.observations(), step.rewards(), step.terminated(),
                                    step.truncated());
                        }),
                kit.tool("rl_close", "Close an RL environment", "Close an environment and free its copies.",
                        Schema.object().text("env", "The environment id from rl_create.").required("env"),
                        call -> {
                            call.require(Role.CONTROLLER, "Closing an RL environment");
                            String id = call.string("env");
                            ws.rl().close(id, call.grant());
                            return Map.of("closed", id);
                        }));
    }
}
