package io.simcast.sim.rl;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every message a user of the RL API can read, in one place; tests assert these words. The REST layer passes them
 * on unchanged: {@link IllegalArgumentException} means a bad request, {@link java.util.NoSuchElementException} an
 * unknown robot, task or environment, {@link IllegalStateException} a call in the wrong order.
 */
final class RlMessages {
    private RlMessages() {}

    // ---- catalogue and creation ------------------------------------------------------------------------------

    static String unknownRobot(String robot, Collection<String> known) {
        return "Unknown robot '" + robot + "'. Robots: " + String.join(", ", known);
    }

    static String unknownTask(String robot, String task, Collection<String> known) {
        return "Robot '" + robot + "' has no task '" + task + "'. Its tasks: " + String.join(", ", known);
    }

    static String numEnvsOutOfRange(int numEnvs, int max) {
        return "num_envs must be between 1 and " + max + ", got " + numEnvs + raise("num_envs per environment",
                "rl-max-num-envs", "RL_MAX_NUM_ENVS");
    }

    /** How a limit is raised: it is a host setting. */
    private static String raise(String what, String option, String variable) {
        return " (the host's limit of " + what + ": raise it with serve --" + option + " N or " + variable + "=N)";
    }

    static String limitOutOfRange(String name, int value, int ceiling) {
        return name + " must be between 1 and " + ceiling + ", got " + value;
    }

    static String unknownAutoresetMode(String mode, Collection<String> known) {
        return "autoreset_mode must be one of " + String.join(", ", known) + " (Gymnasium's AutoresetMode values), got "
                + (mode == null ? "nothing" : "'" + mode + "'");
    }

    static String unknownTaskOption(String name, Collection<String> known) {
        return known.isEmpty()
                ? "Unknown task option '" + name + "': this task takes no task_options"
                : "Unknown task option '" + name + "'. This task's task_options: " + String.join(", ", known);
    }

    static String maxEpisodeStepsOutOfRange(int steps, int max) {
        return "max_episode_steps must be between 1 and " + max + ", got " + steps;
    }

    static String tooManyEnvironments(int max) {
        return "Already " + max + " RL environments are open; close one first (DELETE /api/rl/{id})"
                + raise("open environments", "rl-max-environments", "RL_MAX_ENVIRONMENTS");
    }

    static String tooManyCopies(int requested, int open, int max) {
        return requested + " more copies would make " + (open + requested) + " open; at most " + max
                + " environment copies are open at once; close an environment first (DELETE /api/rl/{id})"
                + raise("open copies", "rl-max-copies", "RL_MAX_COPIES");
    }

    static String unknownEnvironment(String id) {
        return "No RL environment with id '" + id + "' (closed, or never created)";
    }

    static String copyOutOfRange(int copy, int numEnvs) {
        return "copy must be between 0 and " + (numEnvs - 1) + ", got " + copy;
    }

    static String unknownAlgorithm(String algorithm, Collection<String> known) {
        return "Unknown algorithm '" + algorithm + "'. Algorithms: " + String.join(", ", known);
    }

    // ---- call order ------------------------------------------------------------------------------------------

    static String stepBeforeReset() {
        return "Call reset before step: the episode has not started or has ended";
    }

    static String closed() {
        return "This RL environment is closed";
    }

    static String endedCopiesNeedReset(List<Integer> copies) {
        return "Copies " + copies + " ended their episodes and autoreset_mode is Disabled: reset them first"
                + " (reset with a reset_mask selecting them)";
    }

    // ---- resets ----------------------------------------------------------------------------------------------

    static String seedsWrongLength(int numEnvs, int got) {
        return "seed must be a whole number, null, or a list of num_envs = " + numEnvs + " seeds (null for a copy"
                + " that continues its generator); got a list of " + got;
    }

    static String maskWrongLength(int numEnvs, int got) {
        return "reset_mask must hold num_envs = " + numEnvs + " booleans, got " + got;
    }

    static String maskSelectsNothing() {
        return "reset_mask must select at least one copy (one true)";
    }

    // ---- state -----------------------------------------------------------------------------------------------

    static String stateWrongLength(String name, int expected, int got) {
        return "state." + name + " must hold " + expected + " numbers for this model, got " + got;
    }

    static String stateNotFinite(String name) {
        return "state." + name + " must hold finite numbers only";
    }

    static String taskMemoryNames(Set<String> expected, Set<String> got) {
        return "state.task must hold exactly " + (expected.isEmpty() ? "nothing" : new TreeSet<>(expected))
                + " for this task, got " + (got.isEmpty() ? "nothing" : new TreeSet<>(got));
    }

    static String elapsedOutOfRange(int elapsed, int maxEpisodeSteps) {
        return "state.elapsed_steps must be between 0 and " + (maxEpisodeSteps - 1) + " (max_episode_steps - 1), got "
                + elapsed;
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    static String actionsMissing() {
        return "actions are missing";
    }

    static String flatActionsWrongLength(int numEnvs, int actionDim, int got) {
        return "actions must hold num_envs x action_dim = " + numEnvs + " x " + actionDim + " = "
                + (numEnvs * actionDim) + " numbers, got " + got;
    }

    static String actionRowsWrongCount(int numEnvs, int got) {
        return "actions must have " + numEnvs + " rows (one per environment copy), got " + got;
    }

    static String actionWrongLength(String where, int actionDim, int got) {
        return where + " must hold " + actionDim + " numbers (action_dim), got " + got;
    }

    static String actionNotFinite(String where, double value) {
        return where + " is " + value + "; actions must be finite numbers";
    }

    static String actionOutOfBounds(String where, double value, double low, double high) {
        return where + " = " + value + " is outside the action space [" + low + ", " + high + "]";
    }

    // ---- reset options ---------------------------------------------------------------------------------------

    static String unknownOption(String name, Collection<String> known) {
        return known.isEmpty()
                ? "Unknown reset option '" + name + "': this task takes no options"
                : "Unknown reset option '" + name + "'. This task's options: " + String.join(", ", known);
    }

    static String optionWrongLength(String name, int length) {
        return "Reset option '" + name + "' must be " + (length == 1 ? "a number" : "a list of " + length + " numbers");
    }

    static String optionOutOfRange(String name, int index, double value, double low, double high) {
        return "Reset option '" + name + "'" + (index < 0 ? "" : "[" + index + "]") + " = " + value
                + " must be between " + low + " and " + high;
    }

    // ---- models of one's own -----------------------------------------------------------------------------------

    static String customFieldWrong(String where, String expected) {
        return where + " must be " + expected;
    }

    static String customUnknownField(String field) {
        return "custom." + field + " is not a field of a custom environment; its fields: title, mjcf or scene,"
                + " actions, observations, reward, terminate_when, frame_skip, keyframe, reset_noise";
    }

    static String customUnknownTerm(String where, String kind, boolean termination) {
        return where + " must be one of " + (termination ? "distance, height, velocity"
                : "distance, height, velocity, control, alive") + ", got '" + kind + "'";
    }

    static String customWrongPoints(String where, String kind, int expected, int got) {
        return where + ": a " + kind + " term measures " + expected + (expected == 1 ? " point" : " points")
                + " (body:NAME, site:NAME or geom:NAME), got " + got;
    }

    static String customUnknownObservation(String where, String item) {
        return where + " = '" + item + "' is not an observation; use qpos, qvel, qpos:JOINT, qvel:JOINT,"
                + " sensor:NAME, body:NAME, site:NAME or geom:NAME";
    }

    static String customUnknownPoint(String where, String item) {
        return where + " = '" + item + "' is not a point; use body:NAME, site:NAME or geom:NAME";
    }

    static String customUnknownName(String where, String kind, String name, List<String> names) {
        return where + ": the model has no " + kind + " named '" + name + "'; its " + kind + " names: "
                + (names.isEmpty() ? "none" : String.join(", ", names));
    }

    static String customNoActuators() {
        return "custom.actions: the model has no actuators, so nothing could act; add an <actuator>";
    }

    static String customNoObservations() {
        return "custom.observations: nothing would be observed; name at least one value";
    }

    // ---- inconsistencies between a task and its scene (a Simcast bug, not a user error) ---------------------

    static String missingInScene(String scene, String kind, String name) {
        return "RL scene " + scene + " has no " + kind + " named '" + name + "'";
    }

    static String watchIsReadOnly() {
        return "a watched RL environment copy is read-only: it moves only with the environment's own steps";
    }
}
