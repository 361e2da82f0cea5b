package io.simcast.streaming.access;

import io.simcast.streaming.Role;
/**
 * What a route asks of its caller: nothing ({@link #PUBLIC}, for probes) or at least a role. Every route in the route
 * table declares one. Immutable.
 */
public enum Access {
    /** Anyone, token or not: health probes. */
    PUBLIC(null),
    VIEWER(Role.VIEWER),
    CONTROLLER(Role.CONTROLLER),
    OPERATOR(Role.OPERATOR);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** The least role that passes, or null for {@link #PUBLIC}. */
    public Role role() {
        return role;
    }

    /** Whether {@code grant} (null: no credentials) passes. */
    public boolean allows(Grant grant) {
        return role == null || grant != null && grant.role().includes(role);
    }
}
