package io.simcast.bench;

import io.simcast.testkit.ServeProcess;
import io.simcast.testkit.ProcessCpu;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.testkit.HeadlessChromium;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A measuring rig: {@code simcast serve} in a child process and headless Chromium tabs watching it through the
 * bundled page, all on this machine. Reads what a user would see: frames per second and latency in the page, the
 * real-time factor from the host, and the CPU each side burns. Benchmark thread only.
 */
public final class StreamingBench implements AutoCloseable {
    private static final Duration CONNECT = Duration.ofSeconds(30);
    private static final String PLAYING =
            "window.simcast && simcast.state === 'connected' && simcast.stats && simcast.stats.fps > 0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServeProcess serve;
    private final HeadlessChromium browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<HeadlessChromium.Page> pages = new ArrayList<>();

    private StreamingBench(ServeProcess serve, HeadlessChromium browser) {
        this.serve = serve;
        this.browser = browser;
    }

    /**
     * @throws IllegalStateException when this machine has no network interface but loopback (libwebrtc would
     *     find no ICE candidates); the message says to run inside scripts/netns.sh
     */
    public static StreamingBench start(List<String> serveArguments) throws IOException, InterruptedException {
        requireNonLoopbackInterface();
        ServeProcess serve = ServeProcess.start(serveArguments);
        try {
            return new StreamingBench(serve, HeadlessChromium.launch());
        } catch (IOException | RuntimeException e) {
            serve.close();
            throw e;
        }
    }

    /** One more viewer tab; returns when its video plays. */
    public HeadlessChromium.Page openViewer() throws InterruptedException {
        return openViewer("");
    }

    /**
     * One more viewer tab on the page with {@code query} (a share link's {@code ?token=...}, or else the operator's
     * page from a new operator link, with the query's other parameters); returns when its video plays.
     */
    public HeadlessChromium.Page openViewer(String query) throws InterruptedException {
        URI address;
        try {
            address = query.contains("token=") ? serve.address().resolve("/" + query)
                    : URI.create(serve.operatorPage() + (query.isEmpty() ? "" : "&" + query.substring(1)));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        HeadlessChromium.Page page = openViewer(browser, address);
        pages.add(page);
        return page;
    }

    /**
     * One more viewer tab of the operator's page, with {@code script} run in it before the page's own scripts (an
     * instrument); returns when its video plays.
     */
    public HeadlessChromium.Page openViewerWith(String script) throws IOException, InterruptedException {
        HeadlessChromium.Page page = browser.open("about:blank");
        pages.add(page);
        page.beforeEachLoad(script);
        page.navigate(serve.operatorPage().toString());
        page.waitFor(PLAYING, CONNECT);
        return page;
    }

    /**
     * One more tab that follows the host view and so plays the host's broadcast from the SFU (the host must run
     * with {@code --broadcast} and {@code --broadcast-janus}); returns when its video shows a frame.
     */
    public HeadlessChromium.Page openFollower() throws IOException, InterruptedException {
        HeadlessChromium.Page page = browser.open(serve.operatorPage() + "&view=host");
        page.waitFor("window.simcast && simcast.broadcast === 'playing'"
                + " && document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames > 0", CONNECT);
        pages.add(page);
        return page;
    }

    /**
     * Milliseconds from a tab's opening (once its script runs) to its video showing a first frame, and from its
     * video connection being there (the SFU's track arrived, or the host connection is up) to that frame: what a
     * person joining waits for. Measured in the page, so the bench's polling does not blur it.
     *
     * @param follower whether the tab plays the broadcast from the SFU, or connects to the host
     */
    public record Join(double openToFrameMillis, double connectionToFrameMillis) {}

    /** Opens a tab, times its {@link Join} and closes it again. */
    public Join join(boolean follower) throws IOException, InterruptedException {
        HeadlessChromium.Page page = browser.open(serve.operatorPage() + (follower ? "&view=host" : ""));
        try {
            page.waitFor("window.simcast", CONNECT);
            String connected = follower ? "simcast.broadcast === 'playing'" : "simcast.state === 'connected'";
            JsonNode join = page.evaluate("new Promise(resolve => { const opened = performance.timeOrigin;"
                    + " let connected = -1; const video = document.getElementById('video');"
                    + " const tick = () => { const now = performance.timeOrigin + performance.now();"
                    + " if (connected < 0 && " + connected + ") connected = now;"
                    + " if (video.getVideoPlaybackQuality().totalVideoFrames > 0) resolve({ open: now - opened,"
                    + " connection: now - (connected < 0 ? now : connected) }); else setTimeout(tick, 2); };"
                    + " tick(); })");
            return new Join(join.path("open").asDouble(), join.path("connection").asDouble());
        } finally {
            page.close();
        }
    }

    /** Closes a tab {@link #openViewer()} opened, as a person closing it would (its viewer leaves the host). */
    public void closeViewer(HeadlessChromium.Page page) {
        pages.remove(page);
        page.close();
    }

    /** A tab of {@code browser} watching the host from {@code address} (a link's); returns when its video plays. */
    public static HeadlessChromium.Page openViewer(HeadlessChromium browser, URI address) throws InterruptedException {
        HeadlessChromium.Page page = browser.open(address.toString());
        page.waitFor(PLAYING, CONNECT);
        return page;
    }

    /** One more viewer tab of the operator's page, not waited for: {@link #awaitPlaying} says when it plays. */
    public HeadlessChromium.Page openViewerTab() throws IOException, InterruptedException {
        HeadlessChromium.Page page = browser.open(serve.operatorPage().toString());
        pages.add(page);
        return page;
    }

    /** Whether the tab's video plays within {@code deadline} (false also when its page cannot be read). */
    public static boolean awaitPlaying(HeadlessChromium.Page page, Duration deadline) throws InterruptedException {
        try {
            page.waitFor(PLAYING, deadline);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Drags across the tab's video, so that its viewer gets a view of its own (an own render). */
    public void steer(HeadlessChromium.Page page) throws InterruptedException {
        var box = page.evaluate("(() => { const r = document.getElementById('video').getBoundingClientRect();"
                + " return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()");
        double x = box.path("x").asDouble();
        double y = box.path("y").asDouble();
        page.drag(x, y, x + 40, y, "left", 4);
    }

    public int viewers() {
        return pages.size();
    }

    /** Closes every tab (their viewers leave the host or the SFU). */
    public void closeViewers() {
        List.copyOf(pages).forEach(this::closeViewer);
    }

    public ServeProcess serve() {
        return serve;
    }

    /**
     * What a window of watching looked like.
     *
     * @param worstFps the frame rate of the worst-served viewer over the window
     * @param meanFps the mean frame rate of all viewers over the window
     */
    public record Sample(int viewers, double realTimeFactor, double worstFps, double meanFps, double hostCpuPercent,
                         double browserCpuPercent, double hostResidentMiB) {}

    /**
     * Frames each tab's video element showed over {@code window}, the CPU spent, and the real-time factor: the mean
     * of what the physics thread itself measures (over half-second windows, read every second), which HTTP delays
     * cannot blur.
     */
    public Sample sample(Duration window) throws IOException, InterruptedException {
        double hostCpu = ProcessCpu.cpuSeconds(serve.pid());
        double browserCpu = ProcessCpu.cpuSeconds(browser.pid());
        List<Long> framesBefore = framesShown();
        long start = System.nanoTime();
        List<Double> factors = new ArrayList<>();
        while (System.nanoTime() - start < window.toNanos()) {
            Thread.sleep(1000);
            factors.add(stats().path("simulation").path("realTimeFactor").asDouble());
        }
        List<Long> framesAfter = framesShown();
        double wall = (System.nanoTime() - start) * 1e-9;
        double rtf = factors.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        List<Double> fps = new ArrayList<>();
        for (int i = 0; i < framesBefore.size(); i++) {
            fps.add((framesAfter.get(i) - framesBefore.get(i)) / wall);
        }
        return new Sample(pages.size(), rtf, Collections.min(fps),
                fps.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                100 * (ProcessCpu.cpuSeconds(serve.pid()) - hostCpu) / wall,
                100 * (ProcessCpu.cpuSeconds(browser.pid()) - browserCpu) / wall, serve.residentMiB());
    }

    /** Frames each tab's video element has shown so far. */
    private List<Long> framesShown() {
        return pages.stream().map(StreamingBench::framesShown).toList();
    }

    /** Frames the tab's video element has shown so far. */
    public static long framesShown(HeadlessChromium.Page page) {
        return page.evaluate("document.getElementById('video').getVideoPlaybackQuality().totalVideoFrames").asLong();
    }

    /** Glass-to-glass latency percentiles in the first tab over {@code window}, from the page's stamp reader. */
    public JsonNode latency(Duration window) throws InterruptedException {
        return latency(pages.getFirst(), window);
    }

    /** Glass-to-glass latency percentiles in {@code page} over {@code window}, from the page's stamp reader. */
    public static JsonNode latency(HeadlessChromium.Page page, Duration window) throws InterruptedException {
        page.evaluate("simcast.latency.reset()");
        Thread.sleep(window.toMillis());
        return page.evaluate("simcast.latency.summary()");
    }

    public JsonNode stats() throws IOException, InterruptedException {
        return get("/api/stats");
    }

    /** {@code GET path} on the host as its operator, as JSON. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(serve.address().resolve(path)));
    }

    /**
     * {@code POST path} with no body on the host as its operator, as JSON.
     *
     * @throws IOException when the host refuses it, with its answer
     */
    public JsonNode post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(serve.address().resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Replaces the running scene with a built-in preset and waits until the host says it is the current one.
     *
     * @return false when it did not become current within {@code deadline}
     */
    public boolean replaceScene(String preset, Duration deadline) throws IOException, InterruptedException {
        post("/api/scene/preset/" + preset);
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (preset.equals(get("/api/scene/current").path("id").asText())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer "
                + serve.operatorToken()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException(response.request().method() + " " + response.uri().getPath() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * The name of the first interface that is up and not loopback (inside scripts/netns.sh: its veth).
     *
     * @throws IllegalStateException when this machine has no network interface but loopback; the message says to
     *     run inside scripts/netns.sh
     */
    public static String requireNonLoopbackInterface() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback() && network.getInetAddresses().hasMoreElements()) {
                return network.getName();
            }
        }
        throw new IllegalStateException("WebRTC needs a network interface other than loopback; run the benchmark"
                + " as root inside a private network namespace: scripts/netns.sh ./simcast bench ...");
    }

    @Override
    public void close() throws InterruptedException {
        pages.forEach(HeadlessChromium.Page::close);
        browser.close();
        serve.close();
    }
}
