package io.simcast.streaming.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browsers that opened a link: each page that proved itself with a token gets a session, a random id the browser
 * keeps in an HttpOnly cookie, so that reloading the page keeps its access without the token being kept anywhere a
 * script (or the address bar) could read it. The host keeps only the id's digest, with the grant the token carried.
 * A session ends when its link is revoked or expires, after {@link #IDLE} without a request, at most {@link #LONGEST}
 * after it began, or when the page asks to forget this browser. Lost at a restart: the page then needs a link again.
 *
 * <p>Thread-safe: sessions are made and ended on worker threads and checked on Undertow's IO threads without a lock.
 */
public final class PageSessions {
    /** A session not used for this long ends: a browser left open over a weekend needs its link again. */
    public static final Duration IDLE = Duration.ofHours(12);
    /** No session outlives this, whatever its link allows (the longest link made over REST lives a week). */
    public static final Duration LONGEST = Duration.ofDays(7);
    /** Sessions kept at once; past it the one idle longest ends (a script that opens sessions in a loop grows nothing). */
    static final int MAX_SESSIONS = 1024;

    private final ShareLinks links;
    private final Clock clock;
    private final Map<String, Session> byDigest = new ConcurrentHashMap<>();

    /** One browser's session; {@code lastUsed} moves on each request. */
    private static final class Session {
        final Grant grant;
        final Instant ends;
        volatile Instant lastUsed;

        Session(Grant grant, Instant ends, Instant now) {
            this.grant = grant;
            this.ends = ends;
            this.lastUsed = now;
        }

        boolean validAt(Instant now) {
            return now.isBefore(ends) && now.isBefore(lastUsed.plus(IDLE));
        }
    }

    /** A session just begun: the id for the cookie (shown only here) and how long the cookie should live. */
    public record Begun(String id, Duration lifetime) {
        @Override
        public String toString() {
            return "Begun[" + lifetime + "]";
        }
    }

    public PageSessions(ShareLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
        links.onRevoke(id -> byDigest.values().removeIf(session -> id.equals(session.grant.linkId())));
    }

    public PageSessions(ShareLinks links) {
        this(links, Clock.systemUTC());
    }

    /** Begins a session for a page that just proved {@code grant}; it ends with the grant's link at the latest. */
    public Begun begin(Grant grant) {
        Instant now = clock.instant();
        Instant ends = now.plus(LONGEST);
        if (grant.linkId() != null) {
            Instant linkEnds = links.find(grant.linkId()).map(ShareLink::expires).orElse(null);
            if (linkEnds != null && linkEnds.isBefore(ends)) {
                ends = linkEnds;
            }
        }
        forgetEnded(now);
        while (byDigest.size() >= MAX_SESSIONS) {
            byDigest.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().lastUsed))
                    .ifPresent(oldest -> byDigest.remove(oldest.getKey()));
        }
        String id = Tokens.generate();
        byDigest.put(Tokens.digest(id), new Session(grant, ends, now));
        return new Begun(id, Duration.between(now, ends));
    }

    /** The grant of the session {@code id} while it holds (its link live, not idle too long), counting as a use. */
    public Optional<Grant> grant(String id) {
        if (id == null || id.isEmpty() || id.length() > 256) {
            return Optional.empty();
        }
        String digest = Tokens.digest(id);
        Session session = byDigest.get(digest);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (!session.validAt(now) || !links.holds(session.grant)) {
            byDigest.remove(digest);
            return Optional.empty();
        }
        session.lastUsed = now;
        return Optional.of(session.grant);
    }

    /** Ends the session {@code id} (the page's "forget this browser"); an unknown id changes nothing. */
    public void end(String id) {
        if (id != null && !id.isEmpty() && id.length() <= 256) {
            byDigest.remove(Tokens.digest(id));
        }
    }

    /** Sessions that hold now (tests, stats). */
    public int count() {
        forgetEnded(clock.instant());
        return byDigest.size();
    }

    private void forgetEnded(Instant now) {
        byDigest.values().removeIf(session -> !session.validAt(now) || !links.holds(session.grant));
    }
}
