package io.simcast.streaming.access;

import io.simcast.streaming.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Who a request is, from its source address and headers alone. */
class GatekeeperTest {
    private final ShareLinks links = new ShareLinks("operator-token-0123456789abcdef", 4);
    private final Gatekeeper local = new Gatekeeper(links, true);

    private static HttpServerExchange request(String source, String host) {
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setSourceAddress(new InetSocketAddress(source, 40000));
        if (host != null) {
            exchange.getRequestHeaders().put(Headers.HOST, host);
        }
        return exchange;
    }

    @Test
    void aRequestFromThisMachineToALoopbackNameIsTheOperator() throws Exception {
        assertThat(local.identify(request("127.0.0.1", "127.0.0.1:8000"), false)).isEqualTo(Grant.LOCAL);
        assertThat(local.identify(request("127.0.0.1", "localhost:8000"), false)).isEqualTo(Grant.LOCAL);
        assertThat(local.identify(request("::1", "[::1]:8000"), false)).isEqualTo(Grant.LOCAL);
    }

    @Test
    void aPageThatRebindsItsNameTo127001IsNobody() throws Exception {
        assertThat(local.identify(request("127.0.0.1", "evil.example:8000"), false)).isNull();
        assertThat(local.identify(request("127.0.0.1", "127.0.0.1.evil.example"), false)).isNull();
        assertThat(local.identify(request("127.0.0.1", null), false)).isNull();
    }

    @Test
    void aRequestAProxyForwardedIsNobodyEvenFromLoopback() throws Exception {
        HttpServerExchange forwarded = request("127.0.0.1", "127.0.0.1:8000");
        forwarded.getRequestHeaders().put(HttpString.tryFromString("X-Forwarded-For"), "203.0.113.9");

        assertThat(local.identify(forwarded, false)).isNull();
    }

    @Test
    void anotherMachineOrAHostWithoutLocalAccessNeedsAToken() throws Exception {
        assertThat(local.identify(request("10.99.0.2", "10.99.0.1:8000"), false)).isNull();
        assertThat(new Gatekeeper(links, false).identify(request("127.0.0.1", "127.0.0.1:8000"), false)).isNull();
    }

    @Test
    void aPresentedTokenIsCheckedEvenFromThisMachine() throws Exception {
        ShareLink viewer = links.create(Role.VIEWER, null, 0);
        HttpServerExchange withViewerToken = request("127.0.0.1", "127.0.0.1:8000");
        withViewerToken.getRequestHeaders().put(Headers.AUTHORIZATION, "Bearer " + viewer.token());
        HttpServerExchange withBadToken = request("127.0.0.1", "127.0.0.1:8000");
        withBadToken.getRequestHeaders().put(Headers.AUTHORIZATION, "Bearer not-a-token");

        assertThat(local.identify(withViewerToken, false)).isEqualTo(Grant.link(viewer));
        assertThatThrownBy(() -> local.identify(withBadToken, false)).isInstanceOf(Gatekeeper.InvalidToken.class);
    }

    @Test
    void queryTokensCountOnlyWhereTheRouteAllowsThem() throws Exception {
        ShareLink viewer = links.create(Role.VIEWER, null, 0);
        HttpServerExchange exchange = request("10.99.0.2", "10.99.0.1:8000");
        exchange.addQueryParam("token", viewer.token());

        assertThat(local.identify(exchange, false)).isNull();
        assertThat(local.identify(exchange, true)).isEqualTo(Grant.link(viewer));
    }
}
