package io.simcast.sim.rl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a generated training script trains one task with one algorithm: Stable-Baselines3's hyperparameters, the copies
 * stepped together, the step budget, whether observations and rewards are normalised (VecNormalize), and where all of
 * it comes from. Values are as Stable-Baselines3's constructors take them, except learning rates and clip ranges
 * written {@code "lin_X"} (RL Zoo's linear schedule from X to 0) and {@code policy_kwargs.activation_fn} written by
 * name. None of these were tuned by a training run here (Stable-Baselines3 is not installable on the machines that
 * built Simcast): each says which published setting it follows and what it changed. Immutable.
 *
 * @param numEnvs copies of the one host environment the learner steps
 * @param timesteps environment steps to train (all copies together)
 * @param normalize wrap the copies in VecNormalize (observations and rewards), saving its statistics with the model
 * @param hyperparameters keyword arguments of the algorithm's constructor
 * @param source the published setting followed, and what differs
 */
public record TrainingRecipe(int numEnvs, long timesteps, boolean normalize, Map<String, Object> hyperparameters,
                             String source) {
    public TrainingRecipe {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    private static final String ZOO = "RL Zoo (DLR-RM/rl-baselines3-zoo, hyperparams/";

    /**
     * The recipe for a catalogue task.
     *
     * @throws java.util.NoSuchElementException for an unknown robot or task
     */
    public static TrainingRecipe of(String robot, String task, TrainingScript.Algorithm algorithm) {
        RlCatalog.builtIn().spec(robot, task); // throws for an unknown one
        boolean ppo = algorithm == TrainingScript.Algorithm.PPO;
        return switch (robot + "/" + task) {
            case "cartpole/balance" -> ppo
                    ? new TrainingRecipe(8, 100_000, false, map("n_steps", 32, "batch_size", 256, "gae_lambda", 0.8,
                    "gamma", 0.98, "n_epochs", 20, "ent_coef", 0.0, "learning_rate", "lin_0.001",
                    "clip_range", "lin_0.2"), ZOO + "ppo.yml) CartPole-v1, as it is; the force is continuous here.")
                    : new TrainingRecipe(1, 50_000, false, map("learning_rate", 0.001), ZOO + "sac.yml) Pendulum-v1"
                    + " (learning_rate 1e-3, the closest continuous classic-control setting); budget 5e4 instead of"
                    + " 2e4 for 500-step episodes.");
            case "cartpole/swing-up" -> ppo
                    ? new TrainingRecipe(4, 500_000, false, map("n_steps", 1024, "gae_lambda", 0.95, "gamma", 0.99,
                    "n_epochs", 10, "ent_coef", 0.0, "learning_rate", 0.001, "clip_range", 0.2, "use_sde", true,
                    "sde_sample_freq", 4), ZOO + "ppo.yml) Pendulum-v1 (a swing-up); gamma 0.99 instead of 0.9 and"
                    + " budget 5e5 instead of 1e5 for 1000-step episodes.")
                    : new TrainingRecipe(1, 100_000, false, map("learning_rate", 0.001), ZOO + "sac.yml) Pendulum-v1;"
                    + " budget 1e5 instead of 2e4 for 1000-step episodes.");
            case "panda/reach", "ur5e/reach" -> ppo
                    ? new TrainingRecipe(16, 1_000_000, true, map(), ZOO + "ppo.yml) MuJoCo defaults (Ant-v4:"
                    + " normalize, 1e6 steps, SB3's default PPO).")
                    : new TrainingRecipe(4, 100_000, true, map("buffer_size", 1_000_000, "ent_coef", "auto",
                    "batch_size", 256, "gamma", 0.95, "learning_rate", 0.001, "learning_starts", 1000,
                    "policy_kwargs", map("net_arch", List.of(64, 64))), ZOO + "tqc.yml) PandaReach-v1 with"
                    + " SAC and without HER (this reach has a dense reward and no goal dictionary); budget 1e5"
                    + " instead of 2e4 without HER.");
            case "panda/pick-cube" -> ppo
                    ? new TrainingRecipe(32, 10_000_000, true, map("n_steps", 256, "batch_size", 1024, "gamma",
                    0.98, "learning_rate", 0.0003, "ent_coef", 0.0), ZOO + "ppo.yml) MuJoCo defaults, with"
                    + " n_steps 256, batch 1024 and gamma 0.98 for 150-step episodes over 32 copies; budget 1e7"
                    + " (pick-and-place needs far more steps than locomotion's 1e6).")
                    : new TrainingRecipe(4, 1_000_000, true, map("buffer_size", 1_000_000, "batch_size", 2048,
                    "gamma", 0.95, "learning_rate", 0.001, "tau", 0.05, "policy_kwargs", map("net_arch",
                    List.of(512, 512, 512))), ZOO + "tqc.yml) FetchPickAndPlace-v1's her-defaults with"
                    + " SAC and without HER (a dense staged reward instead of a sparse goal).");
            case "anymal/walk" -> ppo
                    ? new TrainingRecipe(64, 50_000_000, true, map("n_steps", 24, "batch_size", 384, "n_epochs", 5,
                    "gamma", 0.99, "gae_lambda", 0.95, "ent_coef", 0.01, "clip_range", 0.2, "learning_rate", 0.001,
                    "max_grad_norm", 1.0, "policy_kwargs", map("net_arch", map("pi", List.of(512, 256,
                    128), "vf", List.of(512, 256, 128)), "activation_fn", "elu")),
                    "legged_gym (leggedrobotics/legged_gym, ANYmal C flat, rsl_rl PPO): 24 steps per copy, 4"
                            + " mini-batches, 5 epochs, gamma 0.99, lambda 0.95, entropy 0.01, networks 512-256-128"
                            + " ELU; a fixed learning rate instead of the adaptive one, 64 copies instead of 4096 and"
                            + " a budget of 5e7 steps.")
                    : new TrainingRecipe(8, 3_000_000, true, map("learning_starts", 10_000), ZOO + "sac.yml)"
                    + " MuJoCo defaults (Ant-v4); budget 3e6 instead of 1e6 for a commanded gait.");
            default -> throw new IllegalStateException("no training recipe for " + robot + "/" + task);
        };
    }

    /** An ordered map from alternating keys and values. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
