package io.simcast.sim.rl;

import java.util.Collection;

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
        return "num_envs must be between 1 and " + max + ", got " + numEnvs;
    }

    static String maxEpisodeStepsOutOfRange(int steps, int max) {
        return "max_episode_steps must be between 1 and " + max + ", got " + steps;
    }

    static String tooManyEnvironments(int max) {
        return "Already " + max + " RL environments are open; close one first (DELETE /api/rl/{id})";
    }

    static String tooManyCopies(int requested, int open, int max) {
        return requested + " more copies would make " + (open + requested) + " open; at most " + max
                + " environment copies are open at once; close an environment first (DELETE /api/rl/{id})";
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

    // ---- inconsistencies between a task and its scene (a Simcast bug, not a user error) ---------------------

    static String missingInScene(String scene, String kind, String name) {
        return "RL scene " + scene + " has no " + kind + " named '" + name + "'";
    }

    static String watchIsReadOnly() {
        return "a watched RL environment copy is read-only: it moves only with the environment's own steps";
    }
}
