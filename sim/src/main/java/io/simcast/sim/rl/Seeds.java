package io.simcast.sim.rl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The seeds of a vector reset, as Gymnasium's vector environments take them: none (every copy continues its
 * generator), one number (copy i gets seed + i) or one per copy (null: that copy continues its generator).
 * Immutable; any thread.
 */
public final class Seeds {
    public static final Seeds NONE = new Seeds(null, null);

    private final Long base;
    /** One per copy, or null. */
    private final List<Long> each;

    private Seeds(Long base, List<Long> each) {
        this.base = base;
        this.each = each;
    }

    /** Copy i gets {@code seed + i}; null means {@link #NONE}. */
    public static Seeds of(Long seed) {
        return seed == null ? NONE : new Seeds(seed, null);
    }

    /** Copy i gets {@code seeds.get(i)} (null entries continue that copy's generator). */
    public static Seeds each(List<Long> seeds) {
        return new Seeds(null, Collections.unmodifiableList(new ArrayList<>(seeds)));
    }

    /** Throws unless a list has one seed per copy. */
    void requireSize(int numEnvs) {
        if (each != null && each.size() != numEnvs) {
            throw new IllegalArgumentException(RlMessages.seedsWrongLength(numEnvs, each.size()));
        }
    }

    /** Copy i's seed, or null to continue its generator. */
    Long forCopy(int copy) {
        if (base != null) {
            return base + copy;
        }
        return each == null ? null : each.get(copy);
    }
}
