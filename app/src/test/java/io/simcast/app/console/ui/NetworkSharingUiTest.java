package io.simcast.app.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.ConsoleOptions;
import io.simcast.app.console.TestOptions;
import io.simcast.app.console.viewers.ViewersViewModel.ViewerRow;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import io.simcast.testkit.SecondNamespace;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sharing that reaches another machine: the operator ticks "Share on the network" while the console runs, makes a
 * viewer link, and a Chromium in a second network namespace (another machine, as far as the host can tell: it has
 * no way to the host's loopback address) opens the link and receives frames; the viewer shows in the panel. And a page
 * that was watching when the switch flips comes back by itself, each way: the host answers on 127.0.0.1 on the
 * network too (it binds every interface), on the same port, and the page's link lives on in the link file.
 */
@Tag("e2e")
class NetworkSharingUiTest extends ConsoleUiTest {
    private SecondNamespace otherMachine;
    private HeadlessChromium browser;

    @Override
    ConsoleOptions options() {
        return TestOptions.sharing(dataFolder, null);
    }

    @AfterEach
    void closeOtherMachine() {
        if (browser != null) {
            browser.close();
        }
        if (otherMachine != null) {
            otherMachine.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBrowserOnAnotherMachineOpensTheLinkOnceTheConsoleSharesOnTheNetwork() throws Exception {
        otherMachine = SecondNamespace.create();
        showPanel("viewers");

        click("#share-network");

        awaitFx("the host on the network", () -> !lookup("#share-network", CheckBox.class).isDisabled()
                && !InetAddress.getByName(URI.create(lookup("#share-url", TextField.class).getText()).getHost())
                        .isLoopbackAddress());
        click("#link-create");
        String link = fx(() -> lookup("#link-url", TextField.class).getText());
        String address = fx(() -> lookup("#share-url", TextField.class).getText());
        assertThat(link).startsWith(address);

        browser = HeadlessChromium.launchIn(otherMachine);
        Page page = browser.open(link);
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats && simcast.stats.fps > 0",
                Duration.ofSeconds(90));
        assertThat(page.evaluate("location.host").asText()).isEqualTo(URI.create(address).getAuthority());
        awaitFx("the viewer in the panel", () -> lookup("#viewers", TableView.class).getItems().size() == 1);
        ViewerRow row = fx(() -> (ViewerRow) lookup("#viewers", TableView.class).getItems().getFirst());
        awaitFx("its frames", () -> row.state().get().equals("connected")
                && Double.parseDouble(row.framesPerSecond().get()) > 0);
    }

    @Test
    void aPageWatchingFromThisComputerShowsVideoAgainAfterEachSwitchByItself() throws Exception {
        showPanel("viewers");
        click("#link-create");
        String link = fx(() -> lookup("#link-url", TextField.class).getText());
        assertThat(URI.create(link).getHost()).isEqualTo("127.0.0.1");
        browser = HeadlessChromium.launch();
        Page page = browser.open(link);
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats && simcast.stats.fps > 0",
                Duration.ofSeconds(90));

        assertThat(fx(() -> lookup("#share-network-restarts", Label.class).getText())).isEqualTo("Switching restarts"
                + " sharing on the same port: pages watching on this computer lose the picture for a few seconds and"
                + " come back by themselves; pages on other machines lose it until sharing is on the network again.");
        String watching = page.evaluate("simcast.viewerId").asText();
        click("#share-network");
        awaitFx("the host on the network", () -> !lookup("#share-network", CheckBox.class).isDisabled()
                && lookup("#share-network", CheckBox.class).isSelected()
                && !InetAddress.getByName(URI.create(lookup("#share-url", TextField.class).getText()).getHost())
                        .isLoopbackAddress());
        watching = showsVideoAgain(page, watching);

        click("#share-network");
        awaitFx("the host back on this computer", () -> !lookup("#share-network", CheckBox.class).isDisabled()
                && !lookup("#share-network", CheckBox.class).isSelected()
                && InetAddress.getByName(URI.create(lookup("#share-url", TextField.class).getText()).getHost())
                        .isLoopbackAddress());
        showsVideoAgain(page, watching);
        assertThat(page.evaluate("location.host").asText()).isEqualTo(URI.create(link).getAuthority());
        awaitFx("the viewer in the panel", () -> lookup("#viewers", TableView.class).getItems().size() == 1);
    }

    /**
     * The page, left alone, is admitted again (a new viewer id: the moved host is a new one) and decodes frames.
     *
     * @return its viewer id now
     */
    private static String showsVideoAgain(Page page, String before) throws InterruptedException {
        page.waitFor("simcast.viewerId !== '" + before + "' && simcast.state === 'connected'", Duration.ofSeconds(120));
        page.evaluate("window.framesAtReturn = document.getElementById('video').getVideoPlaybackQuality()"
                + ".totalVideoFrames");
        page.waitFor("document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames"
                + " > window.framesAtReturn", Duration.ofSeconds(60));
        return page.evaluate("simcast.viewerId").asText();
    }
}
