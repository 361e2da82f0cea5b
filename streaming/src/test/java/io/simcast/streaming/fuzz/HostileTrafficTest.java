package io.simcast.streaming.fuzz;

import static io.simcast.streaming.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.streaming.SocketClient;
import io.simcast.streaming.host.StreamingConfig;
import io.simcast.streaming.TestHost;
import io.simcast.streaming.WhepClient;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.ShareLink;
import io.simcast.testkit.HeadlessChromium;
import io.simcast.testkit.HeadlessChromium.Page;
import io.simcast.streaming.http.Json;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A running host (share links required, as {@code serve --public}) under hostile traffic while a headless Chromium
 * opened from a viewer link watches: for {@value #FUZZ_SECONDS} seconds, three clients at once send malformed
 * signalling messages (and malformed SDP offers) over WebSockets that the host keeps cutting off, malformed SDP offers
 * to WHEP, and hostile and broken MJCF documents to the scene API. Afterwards the host still answers, every refusal was
 * a clear 4xx (never a 500), the heap after a GC has not grown by more than {@value #HEAP_GROWTH_MB} MB, the strangers'
 * sessions are gone, and the viewer kept decoding frames throughout on its first connection. The page got in with the
 * link's token alone (its WebSocket and its REST calls carry it) and offers a viewer no simulation controls. Runs
 * inside the test's network namespace (WebRTC needs a real interface); the numbers it measured are printed.
 */
@Tag("e2e")
class HostileTrafficTest {
    private static final String OPERATOR_TOKEN = "operator-token-for-the-hostile-traffic-test";
    private static final int FUZZ_SECONDS = 25;
    /**
     * The least each fuzzer sends, however long that takes on a loaded machine (then up to {@value #HARD_STOP_MINUTES}
     * minutes): the counts say the fuzzing happened, not how fast.
     */
    private static final int MIN_MESSAGES = 2000;
    private static final int MIN_OFFERS = 50;
    private static final int HARD_STOP_MINUTES = 5;
    /** Samples of the viewer's decoded frames (about one a second) within which it must show a new one. */
    private static final int FROZEN_SAMPLES = 10;
    /** Generous: the test's own clients share the heap; a leak per message or per session would be far more. */
    private static final long HEAP_GROWTH_MB = 64;
    /** Compiles seconds or hangs on purpose (sim's HostileSceneTest covers them with short deadlines). */
    private static final Set<String> SLOW_DOCUMENTS = Set.of("composite-slow.xml", "mesh-bad-faces.xml");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<Integer> whepStatuses = ConcurrentHashMap.newKeySet();
    private final Set<Integer> sceneStatuses = ConcurrentHashMap.newKeySet();
    private TestHost host;
    private HeadlessChromium browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void malformedMessagesOffersAndScenesLeaveTheHostUpItsHeapFlatAndItsViewerWatching() throws Exception {
        host = TestHost.start("pendulum", StreamingConfig.builder().operatorToken(OPERATOR_TOKEN)
                .maxViewers(32));
        ShareLink watcher = host.host.links().create(Role.VIEWER, null, 0);
        ShareLink strangers = host.host.links().create(Role.VIEWER, null, 0);
        ShareLink controllers = host.host.links().create(Role.CONTROLLER, null, 0);
        browser = HeadlessChromium.launch();
        Page page = browser.open(watcher.address(host.host.address()).toString());
        page.waitFor("window.simcast && simcast.state === 'connected' && simcast.stats"
                + " && simcast.stats.framesDecoded > 10", Duration.ofSeconds(60));
        String viewerId = page.evaluate("simcast.viewerId").asText();
        page.waitFor("document.getElementById('presets').options.length > 0", Duration.ofSeconds(30)); // REST, Bearer
        assertThat(page.evaluate("simcast.role").asText()).isEqualTo("viewer");
        assertThat(page.evaluate("document.getElementById('play').disabled").asBoolean()).as("Pause for a viewer")
                .isTrue();
        String offer;
        try (WhepClient player = new WhepClient()) {
            offer = player.offer();
        }
        String scene = host.simulation.snapshot().scene().xml();
        List<byte[]> corpus = hostileCorpus();
        long heapBefore = heapAfterGc();
        long rssBefore = residentBytes();

        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(FUZZ_SECONDS);
        long hardStop = start + TimeUnit.MINUTES.toNanos(HARD_STOP_MINUTES);
        ExecutorService fuzzers = Executors.newFixedThreadPool(3);
        Future<int[]> messages = fuzzers.submit(() -> sockets(List.of(strangers, controllers), offer,
                sent -> keepGoing(sent, MIN_MESSAGES, deadline, hardStop)));
        Future<Integer> offers = fuzzers.submit(() -> whep(strangers, offer,
                sent -> keepGoing(sent, MIN_OFFERS, deadline, hardStop)));
        Future<Integer> scenes = fuzzers.submit(() -> scenes(corpus, scene, deadline));
        fuzzers.shutdown();
        List<Long> frames = new ArrayList<>();
        while (!fuzzers.awaitTermination(1, TimeUnit.SECONDS)) {
            frames.add(page.evaluate("simcast.stats.framesDecoded").asLong());
        }
        frames.add(page.evaluate("simcast.stats.framesDecoded").asLong());

        int[] sent = messages.get();
        double seconds = (System.nanoTime() - start) * 1e-9;
        waitFor(() -> host.host.viewerCount() == 1, 60_000);
        long heapAfter = heapAfterGc();
        long rssAfter = residentBytes();
        System.out.printf("hostile traffic over %.0f s: %d signalling messages on %d sockets (%.0f/s), %d WHEP offers,"
                        + " %d MJCF documents; heap after GC %d -> %d MB; resident %d -> %d MB; viewer frames %s%n",
                seconds, sent[0], sent[1], sent[0] / seconds, offers.get(), scenes.get(),
                heapBefore >> 20, heapAfter >> 20, rssBefore >> 20, rssAfter >> 20, frames);

        assertThat(sent[0]).as("signalling messages").isGreaterThanOrEqualTo(MIN_MESSAGES);
        assertThat(offers.get()).as("WHEP offers").isGreaterThanOrEqualTo(MIN_OFFERS);
        assertThat(scenes.get()).as("MJCF documents").isGreaterThanOrEqualTo(corpus.size());
        assertThat(whepStatuses).as("WHEP answers").doesNotContain(500).isSubsetOf(201, 400, 503);
        assertThat(sceneStatuses).as("scene API answers").doesNotContain(500).isSubsetOf(200, 400, 503);
        assertThat(http.send(HttpRequest.newBuilder(host.uri("/api/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(HEAP_GROWTH_MB << 20);
        for (int i = FROZEN_SAMPLES; i < frames.size(); i++) { // a picture frozen this long is an outage, not load
            assertThat(frames.get(i)).as("frames decoded by sample %d (%s)", i, frames)
                    .isGreaterThan(frames.get(i - FROZEN_SAMPLES));
        }
        assertThat(page.evaluate("simcast.state").asText()).isEqualTo("connected");
        assertThat(page.evaluate("simcast.viewerId").asText()).as("still its first connection").isEqualTo(viewerId);
    }

    /**
     * Opens sockets with the strangers' links in turn and sends malformed messages until the host cuts each off.
     *
     * @return messages sent and sockets opened
     */
    private int[] sockets(List<ShareLink> links, String offer, IntPredicate more) throws Exception {
        Malformed malformed = new Malformed(1);
        int sent = 0;
        int sockets = 0;
        while (more.test(sent)) {
            ShareLink link = links.get(sockets % links.size());
            try (SocketClient client = SocketClient.authorized(URI.create(host.uri("/ws/signaling").toString()
                    .replace("http:", "ws:")), link.token().orElseThrow())) {
                sockets++;
                if (sockets % 25 == 0) {
                    client.trySend("{\"type\": \"offer\", \"sdp\": \"" + "x".repeat(200_000) + "\"}"); // over the limit
                } else if (sockets % 25 == 1) {
                    client.sendBinary(new byte[] {0, 1, 2});
                }
                for (int i = 0; i < 100 && more.test(sent); i++) {
                    String message = i % 10 == 9
                            ? Json.MAPPER.writeValueAsString(Map.of("type", "offer", "sdp", malformed.sdp(offer)))
                            : malformed.message();
                    if (!client.trySend(message)) {
                        break;
                    }
                    sent++;
                }
                client.closed.completeOnTimeout(0, 2, TimeUnit.SECONDS).join();
            }
        }
        return new int[] {sent, sockets};
    }

    /** Malformed offers to WHEP; a session the host accepted anyway is ended at once. */
    private int whep(ShareLink link, String offer, IntPredicate more) throws Exception {
        Malformed malformed = new Malformed(2);
        int sent = 0;
        while (more.test(sent)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(host.uri("/whep"))
                    .header("Authorization", "Bearer " + link.token().orElseThrow()).header("Content-Type", "application/sdp")
                    .POST(HttpRequest.BodyPublishers.ofString(malformed.sdp(offer))).build(),
                    HttpResponse.BodyHandlers.ofString());
            sent++;
            whepStatuses.add(answer.statusCode());
            if (answer.statusCode() == 201) {
                http.send(HttpRequest.newBuilder(host.uri(answer.headers().firstValue("Location").orElseThrow()))
                        .header("Authorization", "Bearer " + link.token().orElseThrow()).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        return sent;
    }

    /** Until the fuzzing time is over and at least {@code least} were sent; never past {@code hardStop}. */
    private static boolean keepGoing(int sent, int least, long deadline, long hardStop) {
        long now = System.nanoTime();
        return now < hardStop && (now < deadline || sent < least);
    }

    /** The hostile corpus first, then broken variants of the running scene, as the operator's uploads. */
    private int scenes(List<byte[]> corpus, String scene, long deadline) throws Exception {
        Malformed malformed = new Malformed(3);
        int sent = 0;
        while (sent < corpus.size() || System.nanoTime() < deadline) {
            byte[] document = sent < corpus.size() ? corpus.get(sent)
                    : malformed.mjcf(scene).getBytes(StandardCharsets.UTF_8);
            sceneStatuses.add(http.send(HttpRequest.newBuilder(host.uri("/api/scene/load"))
                    .header("Authorization", "Bearer " + OPERATOR_TOKEN).header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            sent++;
        }
        return sent;
    }

    /** sim's hostile MJCF documents (its test-jar, or its test classes in a reactor build). */
    private static List<byte[]> hostileCorpus() throws Exception {
        URL folder = HostileTrafficTest.class.getClassLoader().getResource("io/simcast/sim/scene/hostile");
        assertThat(folder).as("sim's hostile corpus on the test classpath").isNotNull();
        URI uri = folder.toURI();
        try (FileSystem jar = uri.getScheme().equals("jar") ? FileSystems.newFileSystem(uri, Map.of()) : null;
             Stream<Path> files = Files.list(jar == null ? Path.of(uri) : jar.provider().getPath(uri))) {
            List<byte[]> documents = new ArrayList<>(); // bytes: one of them is not even text
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                if (!SLOW_DOCUMENTS.contains(file.getFileName().toString())) {
                    documents.add(Files.readAllBytes(file));
                }
            }
            return documents;
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** This process's resident memory (natives included), for the record. */
    private static long residentBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) << 10;
            }
        }
        return -1;
    }
}
