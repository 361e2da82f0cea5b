package io.simcast.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simcast.streaming.bench.HeadlessChromium;
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
        HeadlessChromium.Page page = browser.open(serve.address().toString());
        pages.add(page);
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats && simcast.stats.fps > 0",
                CONNECT);
        return page;
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

    public ServeProcess serve() {
        return serve;
    }

    /** What {@code seconds} of watching looked like. */
    public record Sample(int viewers, double realTimeFactor, double minFps, double meanFps, double hostCpuPercent,
                         double browserCpuPercent, double hostResidentMiB) {}

    public Sample sample(Duration window) throws IOException, InterruptedException {
        JsonNode before = health();
        double hostCpu = ProcessCpu.cpuSeconds(serve.pid());
        double browserCpu = ProcessCpu.cpuSeconds(browser.pid());
        long start = System.nanoTime();
        List<Double> fps = new ArrayList<>();
        long end = start + window.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            for (HeadlessChromium.Page page : pages) {
                fps.add(page.evaluate("simcast.stats ? simcast.stats.fps : 0").asDouble());
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        JsonNode after = health();
        double rtf = (after.path("simulation").path("time").asDouble()
                - before.path("simulation").path("time").asDouble()) / wall;
        double min = fps.isEmpty() ? 0 : Collections.min(fps);
        double mean = fps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Sample(pages.size(), rtf, min, mean,
                100 * (ProcessCpu.cpuSeconds(serve.pid()) - hostCpu) / wall,
                100 * (ProcessCpu.cpuSeconds(browser.pid()) - browserCpu) / wall, serve.residentMiB());
    }

    /** Glass-to-glass latency percentiles in the first tab over {@code window}, from the page's stamp reader. */
    public JsonNode latency(Duration window) throws InterruptedException {
        HeadlessChromium.Page page = pages.getFirst();
        page.evaluate("simcast.latency.reset()");
        Thread.sleep(window.toMillis());
        return page.evaluate("simcast.latency.summary()");
    }

    public JsonNode stats() throws IOException, InterruptedException {
        return get("/api/stats");
    }

    private JsonNode health() throws IOException, InterruptedException {
        return get("/api/health");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        URI uri = serve.address().resolve(path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void requireNonLoopbackInterface() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback() && network.getInetAddresses().hasMoreElements()) {
                return;
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
