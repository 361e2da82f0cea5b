package io.simcast.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The DNS-rebinding defence's decisions, origin by origin. */
class OriginCheckTest {
    private static final URI PAGE = URI.create("https://sim.example.org/");

    @Test
    void theHostsOwnPagesPass() {
        assertThat(OriginCheck.allowed("http://127.0.0.1:8000", "127.0.0.1:8000", PAGE)).isTrue();
        assertThat(OriginCheck.allowed("http://localhost:8000", "localhost:8000", PAGE)).isTrue();
        assertThat(OriginCheck.allowed("http://[::1]:8000", "[::1]:8000", PAGE)).isTrue();
        assertThat(OriginCheck.allowed("https://sim.example.org", "sim.example.org", PAGE)).isTrue();
        assertThat(OriginCheck.allowed("https://sim.example.org", "sim.example.org:443", PAGE)).isTrue();
    }

    @Test
    void aRebindingPageIsRefusedThoughItsNameNowLeadsHere() {
        // evil.example resolves to 127.0.0.1 by now: the browser sends its own name as Origin and as Host.
        assertThat(OriginCheck.allowed("http://evil.example:8000", "evil.example:8000", PAGE)).isFalse();
    }

    @Test
    void anotherSiteOrPortOrSchemeIsRefused() {
        assertThat(OriginCheck.allowed("http://evil.example", "127.0.0.1:8000", PAGE)).isFalse();
        assertThat(OriginCheck.allowed("http://127.0.0.1:9000", "127.0.0.1:8000", PAGE)).isFalse();
        assertThat(OriginCheck.allowed("http://sim.example.org", "sim.example.org", PAGE)).isFalse();
        assertThat(OriginCheck.allowed("null", "127.0.0.1:8000", PAGE)).isFalse();
        assertThat(OriginCheck.allowed("http://127.0.0.1:8000", null, PAGE)).isFalse();
    }
}
