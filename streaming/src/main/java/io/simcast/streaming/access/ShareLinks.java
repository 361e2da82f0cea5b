package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's credentials: the operator token and the share links made for viewers and controllers. Turns a presented
 * token into a {@link Grant}, makes and revokes links, and tells its listeners when a link stops working so that the
 * sessions that came through it end at once. Links live as long as the host (a restart revokes them all).
 *
 * <p>Thread-safe: links are made and revoked from the console's or the API's threads and checked on Undertow's.
 * Listeners run on the revoking thread and must not block.
 */
public final class ShareLinks {
    private static final Logger log = LoggerFactory.getLogger(ShareLinks.class);

    private final Clock clock;
    private final byte[] operatorDigest;
    private final int defaultMaxViewers;
    /** Live links by the digest of their token. */
    private final Map<String, ShareLink> byDigest = new ConcurrentHashMap<>();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();
    /** Ids of revoked links, so that a session's end is told as a revocation, not an expiry, whoever notices first. */
    private final Set<String> revokedIds = ConcurrentHashMap.newKeySet();

    /** Why a session's grant stopped holding. */
    public enum LinkEnd { REVOKED, EXPIRED }

    /**
     * @param operatorToken the operator's token, or null when only local access (the console) is the operator
     * @param defaultMaxViewers viewers per link unless a link says otherwise
     */
    public ShareLinks(String operatorToken, int defaultMaxViewers, Clock clock) {
        this.operatorDigest = operatorToken == null ? null
                : Tokens.digest(operatorToken).getBytes(StandardCharsets.US_ASCII);
        this.defaultMaxViewers = defaultMaxViewers;
        this.clock = clock;
    }

    public ShareLinks(String operatorToken, int defaultMaxViewers) {
        this(operatorToken, defaultMaxViewers, Clock.systemUTC());
    }

    /**
     * Makes a link.
     *
     * @param role viewer or controller
     * @param validFor how long it works, or null for as long as the host runs
     * @param maxViewers viewers at once, or 0 for the host's default
     */
    public ShareLink create(Role role, Duration validFor, int maxViewers) {
        if (role == Role.OPERATOR) {
            throw new IllegalArgumentException(StreamingMessages.badLinkRole(role.wireName()));
        }
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException(StreamingMessages.badLinkLifetime(validFor.toMinutes()));
        }
        if (maxViewers < 0) {
            throw new IllegalArgumentException(StreamingMessages.badLinkViewers(maxViewers));
        }
        var now = clock.instant();
        ShareLink link = new ShareLink(Tokens.id(), role, Tokens.generate(), now,
                validFor == null ? null : now.plus(validFor), maxViewers == 0 ? defaultMaxViewers : maxViewers);
        byDigest.put(Tokens.digest(link.token()), link);
        log.info("Share link {} made ({}{})", link.id(), role.wireName(),
                link.expires() == null ? "" : ", until " + link.expires());
        return link;
    }

    /** Revokes the link {@code id}; its sessions end. @return false when there is no such live link */
    public boolean revoke(String id) {
        for (var entry : byDigest.entrySet()) {
            if (entry.getValue().id().equals(id)) {
                revokedIds.add(id);
            }
            if (entry.getValue().id().equals(id) && byDigest.remove(entry.getKey(), entry.getValue())) {
                log.info("Share link {} revoked", id);
                revocationListeners.forEach(listener -> listener.accept(id));
                return true;
            }
        }
        return false;
    }

    /** The links that work now, oldest first. Expired links are forgotten here. */
    public List<ShareLink> active() {
        var now = clock.instant();
        byDigest.values().removeIf(link -> !link.validAt(now));
        return byDigest.values().stream().sorted(Comparator.comparing(ShareLink::created)).toList();
    }

    /** The grant of {@code token}: the operator's, a live link's, or empty (unknown, revoked or expired). */
    public Optional<Grant> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 256) {
            return Optional.empty();
        }
        String digest = Tokens.digest(token);
        if (operatorDigest != null && MessageDigest.isEqual(operatorDigest, digest.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Grant.OPERATOR);
        }
        ShareLink link = byDigest.get(digest);
        return link != null && link.validAt(clock.instant()) ? Optional.of(Grant.link(link)) : Optional.empty();
    }

    /** Whether a session's grant still holds: the operator's always, a link's until it is revoked or expires. */
    public boolean holds(Grant grant) {
        return ended(grant).isEmpty();
    }

    /** Why a session's grant no longer holds, or empty while it does. */
    public Optional<LinkEnd> ended(Grant grant) {
        if (grant.linkId() == null || find(grant.linkId()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(revokedIds.contains(grant.linkId()) ? LinkEnd.REVOKED : LinkEnd.EXPIRED);
    }

    /** The live link {@code id}. */
    public Optional<ShareLink> find(String id) {
        var now = clock.instant();
        return byDigest.values().stream().filter(link -> link.id().equals(id) && link.validAt(now)).findFirst();
    }

    /** Whether an operator token is set (otherwise only local access is the operator). */
    public boolean hasOperatorToken() {
        return operatorDigest != null;
    }

    /** {@code listener} hears the id of every link revoked from now on. */
    public void onRevoke(Consumer<String> listener) {
        revocationListeners.add(listener);
    }
}
