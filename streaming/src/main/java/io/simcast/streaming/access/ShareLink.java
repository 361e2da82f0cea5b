package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import java.net.URI;
import java.time.Instant;

/**
 * A share link: a secret token that grants a role, until it is revoked or expires, to at most {@code maxViewers}
 * viewers at once. Immutable; {@link ShareLinks} keeps the live set. {@link #toString()} never shows the token.
 *
 * @param id short public name of the link (lists, {@code DELETE /api/links/{id}}, logs)
 * @param role {@link Role#VIEWER} or {@link Role#CONTROLLER}
 * @param token the secret; only the operator sees it (the console, the link API)
 * @param created when it was made
 * @param expires when it stops working, or null for never
 * @param maxViewers viewers that may use it at once
 */
public record ShareLink(String id, Role role, String token, Instant created, Instant expires, int maxViewers) {

    /** Whether it still works at {@code now} (revocation is the registry's business). */
    public boolean validAt(Instant now) {
        return expires == null || now.isBefore(expires);
    }

    /** The address a person opens: the page's, with the token in the query string (base64url needs no escaping). */
    public URI address(URI page) {
        String base = page.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + "token=" + token);
    }

    @Override
    public String toString() {
        return "ShareLink[" + id + ", " + role.wireName() + (expires == null ? "" : ", expires " + expires) + "]";
    }
}
