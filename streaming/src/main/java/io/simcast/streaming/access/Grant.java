package io.simcast.streaming.access;

import io.simcast.streaming.Role;

/**
 * Who is asking, once their credentials were checked: a role, and the share link it came from (null for the
 * operator token). Sessions keep their grant so that revoking or expiring its link ends them. Immutable.
 *
 * @param role what the caller may do
 * @param linkId the share link's id (an operator link's too), or null for the operator token
 */
public record Grant(Role role, String linkId) {
    /** The operator, by the operator token. */
    public static final Grant OPERATOR = new Grant(Role.OPERATOR, null);

    public static Grant link(ShareLink link) {
        return new Grant(link.role(), link.id());
    }

    /** How logs name the caller: never the token. */
    public String describe() {
        return linkId != null ? role.wireName() + " link " + linkId : "operator";
    }
}
