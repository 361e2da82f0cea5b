package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareLinksTest {
    private final MutableClock clock = new MutableClock();
    @TempDir
    Path folder;
    private final ShareLinks links = new ShareLinks(Optional.of(Tokens.digest("the-operator-token-0123456789")), 4,
            LinkStore.NONE, clock);

    @Test
    void tokensCarryAtLeast128RandomBitsInBase64UrlAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = links.create(Role.VIEWER, null, 0).token().orElseThrow();
            assertThat(token).matches("[A-Za-z0-9_-]{32}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void aLinkGrantsItsRoleAndTheOperatorTokenGrantsEverything() {
        ShareLink viewer = links.create(Role.VIEWER, null, 0);
        ShareLink controller = links.create(Role.CONTROLLER, null, 2);

        assertThat(links.authenticate(viewer.token().orElseThrow())).hasValue(new Grant(Role.VIEWER, viewer.id()));
        assertThat(links.authenticate(controller.token().orElseThrow())).hasValue(new Grant(Role.CONTROLLER, controller.id()));
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

        assertThat(links.authenticate(link.token().orElseThrow())).isEmpty();
        assertThat(links.holds(Grant.link(link))).isFalse();
        assertThat(links.ended(Grant.link(link))).contains(ShareLinks.LinkEnd.REVOKED);
        assertThat(links.active()).isEmpty();
        assertThat(revoked).containsExactly(link.id());
        assertThat(links.revoke(link.id())).as("twice").isFalse();
    }

    @Test
    void anExpiringLinkWorksUntilItsTimeAndThenNoMore() {
        ShareLink link = links.create(Role.VIEWER, Duration.ofMinutes(30), 0);
        Grant grant = links.authenticate(link.token().orElseThrow()).orElseThrow();

        clock.advance(Duration.ofMinutes(29));
        assertThat(links.authenticate(link.token().orElseThrow())).isPresent();
        assertThat(links.holds(grant)).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(links.authenticate(link.token().orElseThrow())).isEmpty();
        assertThat(links.holds(grant)).isFalse();
        assertThat(links.active()).isEmpty();
        assertThat(links.ended(grant)).as("also once forgotten").contains(ShareLinks.LinkEnd.EXPIRED);
    }

    @Test
    void nonsenseLifetimesAndViewerCountsAreRefused() {
        assertThatThrownBy(() -> links.create(Role.OPERATOR, null, 2))
                .hasMessage("An operator link opens one page and has no viewer limit: leave maxViewers out");
        assertThatThrownBy(() -> links.create(Role.VIEWER, Duration.ZERO, 0))
                .hasMessage("A share link must last at least a minute, got 0 minutes");
        assertThatThrownBy(() -> links.create(Role.VIEWER, null, -1))
                .hasMessage("A share link admits at least one viewer, got -1");
    }

    @Test
    void aLinkNeverShowsItsTokenWhenPrintedAndItsAddressCarriesIt() {
        ShareLink link = links.create(Role.VIEWER, null, 0);

        assertThat(link.toString()).doesNotContain(link.token().orElseThrow()).contains(link.id());
        assertThat(link.address(java.net.URI.create("https://sim.example.org/")).toString())
                .isEqualTo("https://sim.example.org/?token=" + link.token().orElseThrow());
    }

    @Test
    void anOperatorLinkOpensOncePageGetsItsOwnTokenAndRevokingTheLinkEndsIt() {
        ShareLink link = links.create(Role.OPERATOR, null, 0);
        String once = link.token().orElseThrow();

        assertThat(links.authenticate(once)).as("an unopened link grants nothing but opening").isEmpty();
        ShareLinks.Opened opened = links.open(once).orElseThrow();
        assertThat(links.open(once)).as("a second time").isEmpty();
        assertThat(links.authenticate(once)).isEmpty();
        assertThat(links.authenticate(opened.token())).hasValue(new Grant(Role.OPERATOR, link.id()));

        links.revoke(link.id());
        assertThat(links.authenticate(opened.token())).isEmpty();
    }

    @Test
    void anUnopenedOperatorLinkExpiresAfterADay() {
        String once = links.create(Role.OPERATOR, null, 0).token().orElseThrow();

        clock.advance(ShareLink.OPEN_WITHIN);

        assertThat(links.open(once)).isEmpty();
        assertThat(links.active()).isEmpty();
    }

    @Test
    void theListHoldsNoTokenOnlyTheValueThatMadeTheLinkDoes() {
        ShareLink link = links.create(Role.CONTROLLER, null, 0);

        assertThat(links.active()).singleElement().satisfies(listed -> {
            assertThat(listed.id()).isEqualTo(link.id());
            assertThat(listed.token()).isEmpty();
            assertThatThrownBy(() -> listed.address(java.net.URI.create("http://127.0.0.1:8000/")))
                    .hasMessageContaining("shown once");
        });
    }

    @Test
    void linksAndTheirExpirySurviveARestartAsDigestsInAFileOnlyTheUserMayRead() throws Exception {
        Path file = folder.resolve("share-links.json");
        ShareLinks first = new ShareLinks(Optional.empty(), 4, LinkStore.file(file), clock);
        ShareLink forever = first.create(Role.VIEWER, null, 3);
        ShareLink expiring = first.create(Role.CONTROLLER, Duration.ofMinutes(30), 0);
        ShareLink revoked = first.create(Role.VIEWER, null, 0);
        first.revoke(revoked.id());

        String kept = Files.readString(file);
        assertThat(kept).doesNotContain(forever.token().orElseThrow(), expiring.token().orElseThrow())
                .contains(Tokens.digest(forever.token().orElseThrow()));
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);

        ShareLinks second = new ShareLinks(Optional.empty(), 4, LinkStore.file(file), clock);
        assertThat(second.authenticate(forever.token().orElseThrow())).hasValue(Grant.link(forever));
        assertThat(second.find(forever.id())).get().extracting(ShareLink::maxViewers).isEqualTo(3);
        assertThat(second.authenticate(revoked.token().orElseThrow())).isEmpty();
        clock.advance(Duration.ofMinutes(30));
        assertThat(second.authenticate(expiring.token().orElseThrow())).as("its expiry was kept too").isEmpty();
    }

    @Test
    void aLinkFileThatCannotBeReadIsKeptAsideAndTheHostStartsWithoutLinks() throws Exception {
        Path file = folder.resolve("share-links.json");
        Files.writeString(file, "{ not json");

        ShareLinks started = new ShareLinks(Optional.empty(), 4, LinkStore.file(file), clock);

        assertThat(started.active()).isEmpty();
        assertThat(folder.resolve("share-links.json.unreadable")).hasContent("{ not json");
    }
}
