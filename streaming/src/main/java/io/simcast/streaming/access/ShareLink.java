package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A share link: a secret token that grants a role, until it is revoked or expires, to at most {@code maxViewers}
 * viewers at once. The host keeps only the token's digest ({@link ShareLinks}); the token itself is in the value
 * {@link ShareLinks#create} returns, shown once to whoever made the link, and in no other. An operator link opens
 * once: its token, within {@link #OPEN_WITHIN} of being made, is exchanged for the page's own ({@link ShareLinks#open}),
 * and from then on the link is that page's session. Immutable; {@link #toString()} never shows the token.
 *
 * @param id short public name of the link (lists, {@code DELETE /api/links/{id}}, logs)
 * @param role what the link grants
 * @param token the secret, only in the value that made the link (or opened it)
 * @param created when it was made
 * @param expires when it stops working, or null for never
 * @param maxViewers viewers that may use it at once; 0 for an operator link, which has no limit of its own
 * @param unopened an operator link whose token has not been exchanged yet: it opens the page once and does nothing else
 */
public record ShareLink(String id, Role role, Optional<String> token, Instant created, Instant expires,
                        int maxViewers, boolean unopened) {
    /** How long an operator link waits to be opened: the person it was printed for opens it, today. */
    public static final Duration OPEN_WITHIN = Duration.ofDays(1);

    /** Whether it still works at {@code now} (revocation is the registry's business). */
    public boolean validAt(Instant now) {
        return (expires == null || now.isBefore(expires)) && (!unopened || now.isBefore(created.plus(OPEN_WITHIN)));
    }

    /**
     * The address a person opens: the page's, with the token in the query string (base64url needs no escaping).
     * The page takes the token out of its address bar at once.
     *
     * @throws IllegalStateException when this value has no token: it is shown once, when the link is made
     */
    public URI address(URI page) {
        String secret = token.orElseThrow(() -> new IllegalStateException(StreamingMessages.linkTokenShownOnce(id)));
        String base = page.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + "token=" + secret);
    }

    /** The same link as the registry keeps it: without its token. */
    ShareLink withoutToken() {
        return new ShareLink(id, role, Optional.empty(), created, expires, maxViewers, unopened);
    }

    @Override
    public String toString() {
        return "ShareLink[" + id + ", " + role.wireName() + (unopened ? ", unopened" : "")
                + (expires == null ? "" : ", expires " + expires) + "]";
    }
}
