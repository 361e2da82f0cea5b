package io.simcast.streaming.browser;

import static io.simcast.streaming.Eventually.waitFor;

import io.simcast.streaming.TestHost;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A browser test class's world, registered as a JUnit extension ({@code @RegisterExtension static final Browsing
 * world = Browsing.pendulum();}): before the class's tests a real host and headless Chromium, after each test the
 * tabs it opened closed (forgetting what the page kept in the browser's storage and its cookies), after the class both closed. The
 * class's own {@code @BeforeAll} methods run once both are there, its {@code @AfterEach} methods before the tabs
 * close. The test thread only.
 */
final class Browsing implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** A failure guard for what a page must get to: generous, for a box busy with other work. */
    static final Duration READY = Duration.ofSeconds(60);

    private final Callable<TestHost> start;
    private final List<Page> pages = new ArrayList<>();
    TestHost host;
    HeadlessChromium browser;

    private Browsing(Callable<TestHost> start) {
        this.start = start;
    }

    /** A world whose host {@code start} makes. */
    static Browsing of(Callable<TestHost> start) {
        return new Browsing(start);
    }

    /** A world on a host running the pendulum preset. */
    static Browsing pendulum() {
        return of(() -> TestHost.start("pendulum"));
    }

    /** Starts the host, then Chromium; the host is closed at once when Chromium does not start. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        host = start.call();
        try {
            browser = HeadlessChromium.launch();
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        closeTabs();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        host.close();
    }

    /**
     * A tab on {@code path} of the host (the page and its query), once its script runs: a share link's when the query
     * has its token, else the operator's page from a new operator link.
     */
    Page open(String path) throws InterruptedException {
        Page page = browser.open((path.contains("token=") ? host.uri(path)
                : host.operatorPage(path.substring(1))).toString());
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

    /** The operator's page with {@code panels} shown, once its video plays. */
    Page openWorkspace(String... panels) throws InterruptedException {
        Page page = openViewer("/");
        for (String panel : panels) {
            page.evaluate("simcast.workspace.show('" + panel + "')");
        }
        return page;
    }

    /** Closes the test's tabs and waits until the host has no viewer left (called again, it finds none and returns). */
    void closeTabs() throws Exception {
        if (!pages.isEmpty()) {
            pages.getFirst().evaluate("localStorage.clear(), true");
        }
        pages.forEach(Page::close);
        pages.clear();
        browser.clearCookies(); // the next test's pages start without the last one's sessions
        waitFor(() -> host.host.viewerCount() == 0, 30_000);
    }
}
