package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;

import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium.Page;
import io.simcast.testkit.HeadlessChromium;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser test class's world: a real host, headless Chromium, and the tabs the running test opened, which
 * {@link #closeTabs()} closes after each test (forgetting what the page kept in the browser's storage). The test
 * thread only.
 */
final class Browsing implements AutoCloseable {
    /** A failure guard for what a page must get to: generous, for a box busy with other work. */
    static final Duration READY = Duration.ofSeconds(60);

    final TestHost host;
    final HeadlessChromium browser;
    private final List<Page> pages = new ArrayList<>();

    private Browsing(TestHost host, HeadlessChromium browser) {
        this.host = host;
        this.browser = browser;
    }

    /** Launches Chromium for {@code host}; the host is closed with it (or at once, when Chromium does not start). */
    static Browsing start(TestHost host) throws Exception {
        try {
            return new Browsing(host, HeadlessChromium.launch());
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    /** A tab on {@code path} of the host (the page and its query), once its script runs. */
    Page open(String path) throws InterruptedException {
        Page page = browser.open(host.uri(path).toString());
        pages.add(page);
        page.waitFor("window.simcast", READY);
        return page;
    }

    /** A tab on {@code path} whose video plays. */
    Page openViewer(String path) throws InterruptedException {
        Page page = open(path);
        page.waitFor("simcast.state === 'connected' && simcast.stats && simcast.stats.framesDecoded > 10", READY);
        return page;
    }

    /** The local operator's page with {@code panels} shown, once its video plays. */
    Page openWorkspace(String... panels) throws InterruptedException {
        Page page = openViewer("/");
        for (String panel : panels) {
            page.evaluate("simcast.workspace.show('" + panel + "')");
        }
        return page;
    }

    /** Closes the test's tabs and waits until the host has no viewer left. */
    void closeTabs() throws Exception {
        if (!pages.isEmpty()) {
            pages.getFirst().evaluate("localStorage.clear(), true");
        }
        pages.forEach(Page::close);
        pages.clear();
        waitFor(() -> host.host.viewerCount() == 0, 30_000);
    }

    @Override
    public void close() {
        browser.close();
        host.close();
    }
}
