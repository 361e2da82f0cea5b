package io.simcast.streaming.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.Role;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A browser's session holds its link's grant until the link is revoked or expires, it idles, or it is ended. */
class PageSessionsTest {
    private final MutableClock clock = new MutableClock();
    private final ShareLinks links = new ShareLinks(Optional.empty(), 4, LinkStore.NONE, clock);
    private final PageSessions sessions = new PageSessions(links, clock);

    @Test
    void aSessionGrantsWhatItsLinkGrantsAndItsIdIsNotTheLinksToken() {
        ShareLink link = links.create(Role.CONTROLLER, null, 0);
        Grant grant = links.authenticate(link.token().orElseThrow()).orElseThrow();

        PageSessions.Begun begun = sessions.begin(grant);

        assertThat(begun.id()).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(link.token().orElseThrow());
        assertThat(sessions.grant(begun.id())).hasValue(new Grant(Role.CONTROLLER, link.id()));
        assertThat(sessions.grant("guessed-session-guessed-session-1")).isEmpty();
        assertThat(sessions.grant(null)).isEmpty();
        assertThat(begun.toString()).doesNotContain(begun.id());
    }

    @Test
    void revokingTheLinkEndsItsSessionsAndNoOthers() {
        ShareLink revoked = links.create(Role.VIEWER, null, 0);
        ShareLink kept = links.create(Role.VIEWER, null, 0);
        String gone = sessions.begin(Grant.link(revoked)).id();
        String stays = sessions.begin(Grant.link(kept)).id();

        links.revoke(revoked.id());

        assertThat(sessions.grant(gone)).isEmpty();
        assertThat(sessions.grant(stays)).isPresent();
        assertThat(sessions.count()).isOne();
    }

    @Test
    void aSessionEndsWithItsLinksExpiryAndItsCookieLivesNoLonger() {
        ShareLink link = links.create(Role.VIEWER, Duration.ofMinutes(30), 0);
        PageSessions.Begun begun = sessions.begin(Grant.link(link));
        assertThat(begun.lifetime()).isEqualTo(Duration.ofMinutes(30));

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.grant(begun.id())).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.grant(begun.id())).isEmpty();
    }

    @Test
    void aSessionLeftIdleEndsAndOneInUseLastsUpToItsLongest() {
        String idle = sessions.begin(Grant.OPERATOR).id();
        String used = sessions.begin(Grant.OPERATOR).id();

        Duration passed = Duration.ZERO;
        while (passed.compareTo(PageSessions.LONGEST.minus(Duration.ofHours(6))) < 0) {
            clock.advance(Duration.ofHours(6));
            passed = passed.plus(Duration.ofHours(6));
            assertThat(sessions.grant(used)).as("used after %s", passed).isPresent();
        }
        assertThat(sessions.grant(idle)).isEmpty();
        clock.advance(Duration.ofHours(6));
        assertThat(sessions.grant(used)).as("no session outlives LONGEST").isEmpty();
    }

    @Test
    void forgettingTheBrowserEndsItsSession() {
        String id = sessions.begin(Grant.OPERATOR).id();

        sessions.end(id);
        sessions.end("not-a-session");

        assertThat(sessions.grant(id)).isEmpty();
    }

    @Test
    void sessionsOpenedInALoopNeverPileUpPastTheLimit() {
        String first = sessions.begin(Grant.OPERATOR).id();
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < PageSessions.MAX_SESSIONS; i++) {
            sessions.begin(Grant.OPERATOR);
        }

        assertThat(sessions.count()).isEqualTo(PageSessions.MAX_SESSIONS);
        assertThat(sessions.grant(first)).as("the one idle longest made room").isEmpty();
    }
}
