package io.simcast.streaming.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.streaming.Role;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who a request is: the grant of its bearer token, whatever address and headers it came with. */
class GatekeeperTest {
    private static final String OPERATOR_TOKEN = "operator-token-0123456789abcdef";
    private final ShareLinks links = new ShareLinks(Optional.of(Tokens.digest(OPERATOR_TOKEN)), 4, LinkStore.NONE);
    private final Gatekeeper gatekeeper = new Gatekeeper(links);

    private static HttpServerExchange request(String source, String host) {
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setSourceAddress(new InetSocketAddress(source, 40000));
        exchange.getRequestHeaders().put(Headers.HOST, host);
        return exchange;
    }

    @Test
    void aRequestFromThisMachineToALoopbackNameWithoutATokenIsNobody() throws Exception {
        assertThat(gatekeeper.identify(request("127.0.0.1", "127.0.0.1:8000"))).isNull();
        assertThat(gatekeeper.identify(request("::1", "[::1]:8000"))).isNull();
    }

    @Test
    void theOperatorTokenIsTheOperatorFromAnywhere() throws Exception {
        HttpServerExchange remote = request("10.99.0.2", "10.99.0.1:8000");
        remote.getRequestHeaders().put(Headers.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN);

        assertThat(gatekeeper.identify(remote)).isEqualTo(Grant.OPERATOR);
    }

    @Test
    void aPresentedTokenIsCheckedEvenFromThisMachine() throws Exception {
        ShareLink viewer = links.create(Role.VIEWER, null, 0);
        HttpServerExchange withViewerToken = request("127.0.0.1", "127.0.0.1:8000");
        withViewerToken.getRequestHeaders().put(Headers.AUTHORIZATION, "Bearer " + viewer.token().orElseThrow());
        HttpServerExchange withBadToken = request("127.0.0.1", "127.0.0.1:8000");
        withBadToken.getRequestHeaders().put(Headers.AUTHORIZATION, "Bearer not-a-token");

        assertThat(gatekeeper.identify(withViewerToken)).isEqualTo(Grant.link(viewer));
        assertThatThrownBy(() -> gatekeeper.identify(withBadToken)).isInstanceOf(Gatekeeper.InvalidToken.class);
    }

    @Test
    void aTokenInTheQueryStringCountsNowhere() throws Exception {
        ShareLink viewer = links.create(Role.VIEWER, null, 0);
        HttpServerExchange exchange = request("10.99.0.2", "10.99.0.1:8000");
        exchange.addQueryParam("token", viewer.token().orElseThrow());

        assertThat(gatekeeper.identify(exchange)).isNull();
    }
}
