package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareLinksTest {
    private final MutableClock clock = new MutableClock();
    private final ShareLinks links = new ShareLinks("the-operator-token-0123456789", 4, clock);

    @Test
    void tokensCarryAtLeast128RandomBitsInBase64UrlAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = links.create(Role.VIEWER, null, 0).token();
            assertThat(token).matches("[A-Za-z0-9_-]{32}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void aLinkGrantsItsRoleAndTheOperatorTokenGrantsEverything() {
        ShareLink viewer = links.create(Role.VIEWER, null, 0);
        ShareLink controller = links.create(Role.CONTROLLER, null, 2);

        assertThat(links.authenticate(viewer.token())).hasValue(new Grant(Role.VIEWER, viewer.id(), false));
        assertThat(links.authenticate(controller.token())).hasValue(new Grant(Role.CONTROLLER, controller.id(), false));
        assertThat(links.authenticate("the-operator-token-0123456789")).hasValue(Grant.OPERATOR);
        assertThat(links.authenticate("the-operator-token-012345678")).isEmpty();
        assertThat(links.authenticate("")).isEmpty();
        assertThat(links.authenticate(null)).isEmpty();
        assertThat(viewer.maxViewers()).as("the host's default").isEqualTo(4);
        assertThat(controller.maxViewers()).isEqualTo(2);
    }

    @Test
    void revokingALinkStopsItsTokenAndTellsTheListeners() {
        ShareLink link = links.create(Role.CONTROLLER, null, 0);
        List<String> revoked = new ArrayList<>();
        links.onRevoke(revoked::add);

        assertThat(links.revoke(link.id())).isTrue();

        assertThat(links.authenticate(link.token())).isEmpty();
        assertThat(links.holds(Grant.link(link))).isFalse();
        assertThat(links.ended(Grant.link(link))).contains(ShareLinks.LinkEnd.REVOKED);
        assertThat(links.active()).isEmpty();
        assertThat(revoked).containsExactly(link.id());
        assertThat(links.revoke(link.id())).as("twice").isFalse();
    }

    @Test
    void anExpiringLinkWorksUntilItsTimeAndThenNoMore() {
        ShareLink link = links.create(Role.VIEWER, Duration.ofMinutes(30), 0);
        Grant grant = links.authenticate(link.token()).orElseThrow();

        clock.advance(Duration.ofMinutes(29));
        assertThat(links.authenticate(link.token())).isPresent();
        assertThat(links.holds(grant)).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(links.authenticate(link.token())).isEmpty();
        assertThat(links.holds(grant)).isFalse();
        assertThat(links.active()).isEmpty();
        assertThat(links.ended(grant)).as("also once forgotten").contains(ShareLinks.LinkEnd.EXPIRED);
    }

    @Test
    void operatorLinksAndNonsenseLifetimesAreRefused() {
        assertThatThrownBy(() -> links.create(Role.OPERATOR, null, 0))
                .hasMessage("A share link is for a 'viewer' or a 'controller', got 'operator'");
        assertThatThrownBy(() -> links.create(Role.VIEWER, Duration.ZERO, 0))
                .hasMessage("A share link must last at least a minute, got 0 minutes");
        assertThatThrownBy(() -> links.create(Role.VIEWER, null, -1))
                .hasMessage("A share link admits at least one viewer, got -1");
    }

    @Test
    void aLinkNeverShowsItsTokenWhenPrintedAndItsAddressCarriesIt() {
        ShareLink link = links.create(Role.VIEWER, null, 0);

        assertThat(link.toString()).doesNotContain(link.token()).contains(link.id());
        assertThat(link.address(java.net.URI.create("https://sim.example.org/")).toString())
                .isEqualTo("https://sim.example.org/?token=" + link.token());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
