package io.simcast.sim.rl;

import java.util.Arrays;

/**
 * When a {@link VectorEnv} resets a copy whose episode ended, as Gymnasium 1.x's {@code gymnasium.vector.AutoresetMode}
 * says (same names on the wire: {@link #wireName()}). Immutable.
 */
public enum AutoresetMode {
    /**
     * Gymnasium's default: the step after the end resets the copy, ignores its action and returns the new episode's
     * first observation with reward 0 and both flags false.
     */
    NEXT_STEP("NextStep"),
    /**
     * Stable-Baselines3's convention and Gymnasium's {@code SAME_STEP}: the ending step resets the copy at once and
     * returns the new episode's first observation, the ended episode's last one and its info in {@code final_obs} and
     * {@code final_info}.
     */
    SAME_STEP("SameStep"),
    /** Nothing is reset automatically: the caller resets ended copies with a {@code reset_mask}. */
    DISABLED("Disabled");

    private final String wireName;

    AutoresetMode(String wireName) {
        this.wireName = wireName;
    }

    /** The value of Gymnasium's enum member: {@code NextStep}, {@code SameStep}, {@code Disabled}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The mode with this wire name.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AutoresetMode of(String wireName) {
        for (AutoresetMode mode : values()) {
            if (mode.wireName.equals(wireName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(RlMessages.unknownAutoresetMode(wireName,
                Arrays.stream(values()).map(AutoresetMode::wireName).toList()));
    }
}
