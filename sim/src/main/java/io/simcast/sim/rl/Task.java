package io.simcast.sim.rl;

import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The rules of one task for one environment copy: how an episode starts, what an action does, what the agent
 * observes, the reward and when the episode ends. One instance per copy, created by its {@link TaskTemplate} with the
 * copy's {@link PhysicsView}; it may keep per-episode values (a commanded speed, the previous action).
 *
 * <p>Called only on the thread stepping the copy, in this order: {@link #reset} once per episode, then per step
 * {@link #applyAction}, the physics steps, {@link #observe}, {@link #reward}, {@link #terminated}, {@link #info}.
 * Arguments are already checked against the task's spaces and options.
 */
interface Task {
    /**
     * Puts an episode's whole initial state into the data (start from a keyframe, then randomise), drawing every
     * random number from {@code random} so that a seed fixes the episode; the caller recomputes derived
     * quantities ({@code mj_forward}) afterwards.
     */
    void reset(RandomGenerator random, ResetOptions options);

    /** Turns an action (inside the action space) into actuator controls. */
    void applyAction(double[] action);

    /** Writes the observation (the observation space's size) into {@code observation}. */
    void observe(double[] observation);

    /** The reward for the step just taken with {@code action}. */
    double reward(double[] action);

    /** Whether the state just reached is terminal (the robot fell, the pole dropped). */
    boolean terminated();

    /** Adds diagnostic values to the step's info (e.g. {@code is_success}, which Stable-Baselines3 logs). */
    default void info(Map<String, Object> info) {}

    /** What the task remembers between steps beyond the simulation state (a command, the previous action). */
    default Map<String, double[]> memory() {
        return Map.of();
    }

    /**
     * Puts back what {@link #memory()} returned (checked: same names, same sizes).
     *
     * @throws IllegalArgumentException naming a missing, unknown or wrongly sized value
     */
    default void restore(Map<String, double[]> memory) {
        requireSameShape(memory(), memory);
    }

    /** Throws unless {@code given} has exactly {@code expected}'s names, each with as many numbers. */
    static void requireSameShape(Map<String, double[]> expected, Map<String, double[]> given) {
        if (!given.keySet().equals(expected.keySet())) {
            throw new IllegalArgumentException(RlMessages.taskMemoryNames(Set.copyOf(expected.keySet()),
                    Set.copyOf(given.keySet())));
        }
        expected.forEach((name, values) -> {
            if (given.get(name).length != values.length) {
                throw new IllegalArgumentException(RlMessages.stateWrongLength("task." + name, values.length,
                        given.get(name).length));
            }
        });
    }
}
