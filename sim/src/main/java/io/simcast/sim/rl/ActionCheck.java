package io.simcast.sim.rl;

/**
 * Checks actions against an action space before anything is simulated: shape, finiteness, bounds. The words of
 * every failure come from {@link RlMessages}; each names the offending element, e.g. {@code actions[3][0]}.
 * Stateless; any thread.
 */
final class ActionCheck {
    private ActionCheck() {}

    /** One copy's action. */
    static void single(double[] action, Box space) {
        if (action == null) {
            throw new IllegalArgumentException(RlMessages.actionsMissing());
        }
        check(action, space, "action");
    }

    /** All copies' actions as one flat array, copy after copy; returns them as rows. */
    static double[][] rows(double[] flat, int numEnvs, Box space) {
        if (flat == null) {
            throw new IllegalArgumentException(RlMessages.actionsMissing());
        }
        int dim = space.size();
        if (flat.length != numEnvs * dim) {
            throw new IllegalArgumentException(RlMessages.flatActionsWrongLength(numEnvs, dim, flat.length));
        }
        double[][] rows = new double[numEnvs][dim];
        for (int i = 0; i < numEnvs; i++) {
            System.arraycopy(flat, i * dim, rows[i], 0, dim);
        }
        return rows(rows, numEnvs, space);
    }

    /** All copies' actions, one row per copy; returns them unchanged. */
    static double[][] rows(double[][] actions, int numEnvs, Box space) {
        if (actions == null) {
            throw new IllegalArgumentException(RlMessages.actionsMissing());
        }
        if (actions.length != numEnvs) {
            throw new IllegalArgumentException(RlMessages.actionRowsWrongCount(numEnvs, actions.length));
        }
        for (int i = 0; i < numEnvs; i++) {
            if (actions[i] == null) {
                throw new IllegalArgumentException(RlMessages.actionWrongLength("actions[" + i + "]", space.size(), 0));
            }
            check(actions[i], space, "actions[" + i + "]");
        }
        return actions;
    }

    private static void check(double[] action, Box space, String where) {
        if (action.length != space.size()) {
            throw new IllegalArgumentException(RlMessages.actionWrongLength(where, space.size(), action.length));
        }
        for (int j = 0; j < action.length; j++) {
            double value = action[j];
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(RlMessages.actionNotFinite(where + "[" + j + "]", value));
            }
            if (value < space.low()[j] || value > space.high()[j]) {
                throw new IllegalArgumentException(RlMessages.actionOutOfBounds(where + "[" + j + "]", value,
                        space.low()[j], space.high()[j]));
            }
        }
    }
}
