package io.simcast.streaming.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a person sees in the page when the host is full, and that the page gets in once a place frees up. */
@Tag("e2e")
class BrowserRefusalTest {

    @Test
    void aFullHostSaysSoInThePageAndTheViewerGetsInWhenAPlaceFreesUp() throws Exception {
        try (TestHost host = TestHost.start("pendulum", StreamingConfig.builder().maxViewers(1));
             HeadlessChromium browser = HeadlessChromium.launch()) {
            Page first = browser.open(host.operatorPage("").toString());
            first.waitFor("window.simcast && simcast.state === 'connected'", Duration.ofSeconds(20));

            Page second = browser.open(host.operatorPage("").toString());
            second.waitFor("window.simcast && simcast.state === 'refused'", Duration.ofSeconds(10));

            assertThat(second.evaluate("document.getElementById('message-text').textContent").asText()).isEqualTo(
                    "This host is full: it serves at most 1 viewer at once. Try again when someone leaves"
                            + " (retrying every 10 s)");
            assertThat(second.evaluate("document.getElementById('connection').textContent").asText())
                    .isEqualTo("refused");

            first.close();
            second.waitFor("simcast.state === 'connected'", Duration.ofSeconds(20));
        }
    }
}
