package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import io.simcast.streaming.StreamingMessages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The host's credentials: the operator token and the share links made for viewers, controllers and the operator's
 * own pages. Turns a presented token into a {@link Grant}, makes, opens and revokes links, and tells its listeners
 * when a link stops working so that the sessions that came through it end at once. Only digests are kept: the
 * operator token's, and each link's (a link's token is in the value {@link #create} returns, and nowhere else). Links
 * are kept in a {@link LinkStore} after every change and loaded from it at start, so a restart revokes none.
 *
 * <p>Thread-safe: links are made, opened and revoked from the console's or the API's threads (one at a time, under
 * this object's lock, which also writes the store) and checked on Undertow's without a lock. Listeners run on the
 * revoking thread and must not block.
 */
public final class ShareLinks {
    private static final Logger log = LoggerFactory.getLogger(ShareLinks.class);
    /** Operator links live at once; making one more revokes the oldest, so links printed at every start never pile up. */
    static final int MAX_OPERATOR_LINKS = 16;

    private final Clock clock;
    private final Optional<byte[]> operatorDigest;
    private final int defaultMaxViewers;
    private final LinkStore store;
    /** Live links, without their tokens, by the digest of their token. */
    private final Map<String, ShareLink> byDigest = new ConcurrentHashMap<>();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();
    /** Ids of revoked links, so that a session's end is told as a revocation, not an expiry, whoever notices first. */
    private final Set<String> revokedIds = ConcurrentHashMap.newKeySet();

    /** Why a session's grant stopped holding. */
    public enum LinkEnd { REVOKED, EXPIRED }

    /** An operator link just opened: the page's own token from now on, and what it grants. */
    public record Opened(String token, Grant grant) {
        @Override
        public String toString() {
            return "Opened[" + grant.describe() + "]";
        }
    }

    /**
     * @param operatorDigest the digest of the operator's token ({@link Tokens#digest}), or empty when only operator
     *     links (and the embedding console) are the operator
     * @param defaultMaxViewers viewers per link unless a link says otherwise
     * @param store where links are kept between runs; what it holds now is loaded (expired links are dropped)
     */
    public ShareLinks(Optional<String> operatorDigest, int defaultMaxViewers, LinkStore store, Clock clock) {
        this.operatorDigest = operatorDigest.map(digest -> digest.getBytes(StandardCharsets.US_ASCII));
        this.defaultMaxViewers = defaultMaxViewers;
        this.store = store;
        this.clock = clock;
        Instant now = clock.instant();
        List<LinkStore.Kept> kept = store.load();
        for (LinkStore.Kept link : kept) {
            if (link.link().validAt(now)) {
                byDigest.put(link.digest(), link.link());
            }
        }
        if (!kept.isEmpty()) {
            log.info("{} share links kept from the last run ({}), {} of them still valid", kept.size(), store,
                    byDigest.size());
            if (byDigest.size() != kept.size()) {
                save();
            }
        }
    }

    public ShareLinks(Optional<String> operatorDigest, int defaultMaxViewers, LinkStore store) {
        this(operatorDigest, defaultMaxViewers, store, Clock.systemUTC());
    }

    /**
     * Makes a link. An operator link opens once, within {@link ShareLink#OPEN_WITHIN}; its token does nothing but
     * that ({@link #open}).
     *
     * @param validFor how long it works, or null for as long as it is not revoked
     * @param maxViewers viewers at once, or 0 for the host's default; an operator link has no limit of its own and
     *     takes 0
     * @return the link with its token: the only time the token is shown
     */
    public synchronized ShareLink create(Role role, Duration validFor, int maxViewers) {
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException(StreamingMessages.badLinkLifetime(validFor.toMinutes()));
        }
        boolean operator = role == Role.OPERATOR;
        if (maxViewers < 0 || operator && maxViewers != 0) {
            throw new IllegalArgumentException(operator ? StreamingMessages.operatorLinkViewers()
                    : StreamingMessages.badLinkViewers(maxViewers));
        }
        Instant now = clock.instant();
        if (operator) {
            revokeOldestOperatorLinks(MAX_OPERATOR_LINKS - 1);
        }
        String token = Tokens.generate();
        ShareLink link = new ShareLink(Tokens.id(), role, Optional.of(token), now,
                validFor == null ? null : now.plus(validFor),
                maxViewers != 0 || operator ? maxViewers : defaultMaxViewers, operator);
        byDigest.put(Tokens.digest(token), link.withoutToken());
        save();
        log.info("Share link {} made ({}{})", link.id(), role.wireName(),
                link.expires() == null ? "" : ", until " + link.expires());
        return link;
    }

    /**
     * Opens an operator link: its token is spent, and the page that opened it gets a token of its own, which grants
     * the operator's role for as long as the link lives (revoking the link ends that page's session).
     *
     * @return empty when {@code token} is not an unopened operator link's (any more)
     */
    public synchronized Optional<Opened> open(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String digest = Tokens.digest(token);
        ShareLink link = byDigest.get(digest);
        if (link == null || !link.unopened() || !link.validAt(clock.instant())) {
            return Optional.empty();
        }
        String session = Tokens.generate();
        ShareLink opened = new ShareLink(link.id(), link.role(), Optional.empty(), link.created(), link.expires(),
                link.maxViewers(), false);
        byDigest.remove(digest);
        byDigest.put(Tokens.digest(session), opened);
        save();
        log.info("Operator link {} opened", link.id());
        return Optional.of(new Opened(session, Grant.link(opened)));
    }

    /** Revokes the link {@code id}; its sessions end. @return false when there is no such live link */
    public boolean revoke(String id) {
        synchronized (this) {
            Optional<String> digest = digestOf(id);
            if (digest.isEmpty()) {
                return false;
            }
            revokedIds.add(id);
            byDigest.remove(digest.get());
            save();
        }
        log.info("Share link {} revoked", id);
        revocationListeners.forEach(listener -> listener.accept(id));
        return true;
    }

    /** The links that work now, oldest first, without their tokens. Expired links are forgotten here. */
    public List<ShareLink> active() {
        forgetExpired();
        return byDigest.values().stream().sorted(Comparator.comparing(ShareLink::created)).toList();
    }

    /**
     * The grant of {@code token}: the operator's, a live link's, or empty (unknown, revoked, expired, or an operator
     * link's that can only be opened).
     */
    public Optional<Grant> authenticate(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String digest = Tokens.digest(token);
        if (operatorDigest.isPresent()
                && MessageDigest.isEqual(operatorDigest.get(), digest.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Grant.OPERATOR);
        }
        ShareLink link = byDigest.get(digest);
        return link != null && !link.unopened() && link.validAt(clock.instant()) ? Optional.of(Grant.link(link))
                : Optional.empty();
    }

    /** Whether a session's grant still holds: the operator token's always, a link's until it is revoked or expires. */
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

    /** The live link {@code id}, without its token. */
    public Optional<ShareLink> find(String id) {
        var now = clock.instant();
        return byDigest.values().stream().filter(link -> link.id().equals(id) && link.validAt(now)).findFirst();
    }

    /** {@code listener} hears the id of every link revoked from now on. */
    public void onRevoke(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    /** Tokens are base64url of a fixed length; anything far longer is not one and is not even hashed. */
    private static boolean wellFormed(String token) {
        return token != null && !token.isEmpty() && token.length() <= 256;
    }

    private Optional<String> digestOf(String id) {
        return byDigest.entrySet().stream().filter(entry -> entry.getValue().id().equals(id))
                .map(Map.Entry::getKey).findFirst();
    }

    private synchronized void forgetExpired() {
        Instant now = clock.instant();
        if (byDigest.values().removeIf(link -> !link.validAt(now))) {
            save();
        }
    }

    /** Under the lock: revokes the oldest operator links until at most {@code keep} are left. */
    private void revokeOldestOperatorLinks(int keep) {
        List<ShareLink> operators = new ArrayList<>(byDigest.values().stream()
                .filter(link -> link.role() == Role.OPERATOR).sorted(Comparator.comparing(ShareLink::created))
                .toList());
        while (operators.size() > keep) {
            ShareLink oldest = operators.removeFirst();
            log.info("Operator link {} revoked: at most {} operator links live at once", oldest.id(),
                    MAX_OPERATOR_LINKS);
            digestOf(oldest.id()).ifPresent(byDigest::remove);
            revokedIds.add(oldest.id());
            revocationListeners.forEach(listener -> listener.accept(oldest.id()));
        }
    }

    /** Under the lock: what the store keeps is what is live now. */
    private void save() {
        store.save(byDigest.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().created()))
                .map(entry -> new LinkStore.Kept(entry.getKey(), entry.getValue())).toList());
    }
}
