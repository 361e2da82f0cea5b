package io.simcast.streaming.access;

import io.simcast.streaming.Role;
/**
 * Who is asking, once their credentials were checked: a role, and the share link it came from (null for the
 * operator: the operator token or local access). Sessions keep their grant so that revoking or expiring its link
 * ends them. Immutable.
 *
 * @param role what the caller may do
 * @param linkId the share link's id, or null
 * @param local true for local operator access (no token, from this machine)
 */
public record Grant(Role role, String linkId, boolean local) {
    /** The operator, by token. */
    public static final Grant OPERATOR = new Grant(Role.OPERATOR, null, false);
    /** The operator, from this machine without a token (when the host allows it). */
    public static final Grant LOCAL = new Grant(Role.OPERATOR, null, true);

    public static Grant link(ShareLink link) {
        return new Grant(link.role(), link.id(), false);
    }

    /** How logs name the caller: never the token. */
    public String describe() {
        return linkId != null ? role.wireName() + " link " + linkId : local ? "local operator" : "operator";
    }
}
