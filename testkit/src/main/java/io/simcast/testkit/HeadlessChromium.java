package io.simcast.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, for the end-to-end tests and the streaming
 * benchmarks: real pages, real WebRTC, real decoders. One browser process with a fresh profile; each
 * {@link Page} is a tab. WebRTC needs a non-loopback interface: run inside scripts/netns.sh (tests do).
 *
 * <p>Any thread may call; calls wait for Chromium's reply. Chromium's output is drained by
 * {@code simcast-chromium-log} so it never blocks on a full pipe.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** The flags the field notes found to work here, plus no throttling of tabs nobody looks at. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required", "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--disable-dev-shm-usage", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows", "--mute-audio", "--remote-debugging-port=0",
            "--window-size=1024,768");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    /** Who hears each tab's DevTools events (method, params); called on the DevTools socket's thread. */
    private final Map<String, BiConsumer<String, JsonNode>> listeners = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium ({@code CHROMIUM} names another binary) with a throw-away profile. */
    public static HeadlessChromium launch() throws IOException, InterruptedException {
        return launch(command -> command, devTools -> devTools);
    }

    /**
     * As {@link #launch()}, inside {@code namespace}, as on another machine: its pages reach the host at network
     * addresses only. DevTools is reached through the namespace's forward.
     */
    public static HeadlessChromium launchIn(SecondNamespace namespace) throws IOException, InterruptedException {
        return launch(namespace::command, devTools -> {
            try {
                return namespace.reach(URI.create(devTools)).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static HeadlessChromium launch(UnaryOperator<List<String>> wrap, UnaryOperator<String> reach)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("simcast-chromium");
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process = new ProcessBuilder(wrap.apply(command)).redirectErrorStream(true).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = DEVTOOLS.matcher(line);
                    if (matcher.find()) {
                        endpoint.complete(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("Chromium exited before it opened DevTools"));
        }, "simcast-chromium-log");
        drain.setDaemon(true);
        drain.start();
        try {
            String url = reach.apply(endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url), new Listener(message -> self[0].receive(message)))
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(process, profile, socket);
            return self[0];
        } catch (Exception e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw new IOException("Could not start headless Chromium (" + binary() + "): " + e.getMessage(), e);
        }
    }

    /** Opens {@code url} in a new tab. */
    public Page open(String url) {
        ObjectNode params = JSON.createObjectNode().put("url", url);
        String target = call(null, "Target.createTarget", params).path("targetId").asText();
        String session = call(null, "Target.attachToTarget",
                JSON.createObjectNode().put("targetId", target).put("flatten", true)).path("sessionId").asText();
        return new Page(this, target, session);
    }

    /** Chromium's process id, for resource measurements. */
    public long pid() {
        return process.pid();
    }

    JsonNode call(String session, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        try {
            JsonNode result = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (result.has("error")) {
                throw new IllegalStateException(method + " failed: " + result.get("error"));
            }
            return result.path("result");
        } catch (Exception e) {
            if (e instanceof IllegalStateException state) {
                throw state;
            }
            throw new IllegalStateException(method + " got no reply: " + e, e);
        } finally {
            calls.remove(id);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("DevTools sent something that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void receive(String text) {
        JsonNode message = parse(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = calls.get(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
        } else if (message.has("method")) {
            BiConsumer<String, JsonNode> listener = listeners.get(message.path("sessionId").asText());
            if (listener != null) {
                listener.accept(message.get("method").asText(), message.path("params"));
            }
        }
    }

    /** Every cookie the browser holds, as DevTools lists them (name, value, httpOnly, sameSite, ...). */
    public JsonNode cookies() {
        return call(null, "Storage.getCookies", null).path("cookies");
    }

    /** Forgets every cookie, as a fresh browser profile would have none. */
    public void clearCookies() {
        call(null, "Storage.clearCookies", null);
    }

    /** Files the pages download go to {@code folder} (a test reads them there). */
    public void downloadTo(Path folder) {
        call(null, "Browser.setDownloadBehavior", JSON.createObjectNode().put("behavior", "allow")
                .put("downloadPath", folder.toAbsolutePath().toString()));
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", null);
        } catch (RuntimeException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static String binary() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        // Debian's /usr/bin/chromium is a shell wrapper; the binary itself starts faster and prints less.
        Path direct = Path.of("/usr/lib/chromium/chromium");
        return Files.isExecutable(direct) ? direct.toString() : "chromium";
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    /** Reassembles DevTools messages (they may arrive in fragments) and hands each to {@code sink}. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> sink;
        private final StringBuilder partial = new StringBuilder();

        Listener(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                sink.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** One tab. */
    public static final class Page implements AutoCloseable {
        private final HeadlessChromium browser;
        private final String target;
        private final String session;
        private NetworkLog network;

        Page(HeadlessChromium browser, String target, String session) {
            this.browser = browser;
            this.target = target;
            this.session = session;
        }

        /** Evaluates {@code expression} in the page (promises are awaited) and returns its JSON value. */
        public JsonNode evaluate(String expression) {
            ObjectNode params = JSON.createObjectNode().put("expression", expression)
                    .put("awaitPromise", true).put("returnByValue", true);
            JsonNode result = browser.call(session, "Runtime.evaluate", params);
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("Page script failed: "
                        + result.path("exceptionDetails").path("exception").path("description").asText(
                                result.path("exceptionDetails").path("text").asText()));
            }
            return result.path("result").path("value");
        }

        /**
         * Waits until {@code condition} (a JavaScript expression) is truthy. A page still loading has no script
         * context yet (DevTools says so): that counts as not yet, which a busy machine makes common.
         */
        public void waitFor(String condition, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (evaluate("Boolean(" + condition + ")").asBoolean(false)) {
                        return;
                    }
                } catch (IllegalStateException e) {
                    if (!String.valueOf(e.getMessage()).contains("Cannot find default execution context")) {
                        throw e;
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + condition);
        }

        /**
         * A mouse drag with {@code button} ("left", "right", "middle") in page CSS pixels, in {@code steps}. The tab
         * comes to the front first: Chromium delivers input to a background tab only slowly.
         */
        public void drag(double fromX, double fromY, double toX, double toY, String button, int steps)
                throws InterruptedException {
            browser.call(session, "Page.bringToFront", null);
            int buttons = switch (button) {
                case "right" -> 2;
                case "middle" -> 4;
                default -> 1;
            };
            mouse("mousePressed", fromX, fromY, button, buttons);
            for (int i = 1; i <= steps; i++) {
                double t = i / (double) steps;
                mouse("mouseMoved", fromX + (toX - fromX) * t, fromY + (toY - fromY) * t, button, buttons);
                Thread.sleep(20);
            }
            mouse("mouseReleased", toX, toY, button, 0);
        }

        /** A one-finger swipe in page CSS pixels, in {@code steps}. */
        public void swipe(double fromX, double fromY, double toX, double toY, int steps) throws InterruptedException {
            browser.call(session, "Page.bringToFront", null);
            touch("touchStart", fromX, fromY);
            for (int i = 1; i <= steps; i++) {
                double t = i / (double) steps;
                touch("touchMove", fromX + (toX - fromX) * t, fromY + (toY - fromY) * t);
                Thread.sleep(20);
            }
            browser.call(session, "Input.dispatchTouchEvent", JSON.createObjectNode().put("type", "touchEnd")
                    .set("touchPoints", JSON.createArrayNode()));
        }

        /**
         * Two fingers on a horizontal line through ({@code centreX}, {@code centreY}), page CSS pixels, moving from
         * {@code fromSpread} to {@code toSpread} apart in {@code steps} (apart zooms in), then lifted.
         */
        public void pinch(double centreX, double centreY, double fromSpread, double toSpread, int steps)
                throws InterruptedException {
            browser.call(session, "Page.bringToFront", null);
            fingers("touchStart", centreX, centreY, fromSpread);
            for (int i = 1; i <= steps; i++) {
                fingers("touchMove", centreX, centreY, fromSpread + (toSpread - fromSpread) * i / steps);
                Thread.sleep(20);
            }
            browser.call(session, "Input.dispatchTouchEvent", JSON.createObjectNode().put("type", "touchEnd")
                    .set("touchPoints", JSON.createArrayNode()));
        }

        /** A left double-click at ({@code x}, {@code y}), page CSS pixels, as a person's two quick clicks. */
        public void doubleClick(double x, double y) {
            browser.call(session, "Page.bringToFront", null);
            for (int count = 1; count <= 2; count++) {
                for (String type : new String[] {"mousePressed", "mouseReleased"}) {
                    browser.call(session, "Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type)
                            .put("x", x).put("y", y).put("button", "left").put("buttons", type.equals("mousePressed")
                                    ? 1 : 0).put("clickCount", count));
                }
            }
        }

        /** Presses and releases the key with DOM code {@code code} (e.g. "Space") in the focused element. */
        public void press(String code, String key) {
            press(code, key, 0);
        }

        /**
         * Presses and releases a key with {@code modifiers} held (DevTools' bits: 1 Alt, 2 Ctrl, 4 Meta, 8 Shift). A
         * key that types a character types it ({@code key} is that character).
         */
        public void press(String code, String key, int modifiers) {
            browser.call(session, "Page.bringToFront", null);
            for (String type : new String[] {"keyDown", "keyUp"}) {
                ObjectNode event = JSON.createObjectNode().put("type", type).put("code", code).put("key", key)
                        .put("modifiers", modifiers);
                if (type.equals("keyDown") && key.length() == 1 && (modifiers & 7) == 0) {
                    event.put("text", key);
                }
                if (key.equals("Enter")) {
                    event.put("windowsVirtualKeyCode", 13);
                }
                browser.call(session, "Input.dispatchKeyEvent", event);
            }
        }

        private void touch(String type, double x, double y) {
            ObjectNode params = JSON.createObjectNode().put("type", type);
            params.putArray("touchPoints").addObject().put("x", x).put("y", y);
            browser.call(session, "Input.dispatchTouchEvent", params);
        }

        private void fingers(String type, double centreX, double centreY, double spread) {
            ObjectNode params = JSON.createObjectNode().put("type", type);
            ArrayNode points = params.putArray("touchPoints");
            points.addObject().put("x", centreX - spread / 2).put("y", centreY).put("id", 0);
            points.addObject().put("x", centreX + spread / 2).put("y", centreY).put("id", 1);
            browser.call(session, "Input.dispatchTouchEvent", params);
        }

        private void mouse(String type, double x, double y, String button, int buttons) {
            ObjectNode params = JSON.createObjectNode().put("type", type).put("x", x).put("y", y)
                    .put("button", button).put("buttons", buttons).put("clickCount", 1);
            browser.call(session, "Input.dispatchMouseEvent", params);
        }

        /** Starts recording what the host sends this tab (see {@link NetworkLog}). */
        public NetworkLog recordNetwork() {
            NetworkLog log = new NetworkLog(this);
            network = log;
            browser.listeners.put(session, log::event);
            browser.call(session, "Network.enable", null);
            return log;
        }

        /** Opens {@code url} in this tab, as a person pasting an address does (the tab keeps its viewport). */
        public void navigate(String url) {
            browser.call(session, "Page.navigate", JSON.createObjectNode().put("url", url));
        }

        /**
         * Runs {@code script} in every document this tab loads from now on, before the page's own scripts (for
         * instruments that must see what the page creates, such as its peer connection).
         */
        public void beforeEachLoad(String script) {
            browser.call(session, "Page.enable", null);
            browser.call(session, "Page.addScriptToEvaluateOnNewDocument",
                    JSON.createObjectNode().put("source", script));
        }

        /** Reloads the tab, as a person pressing F5 does. */
        public void reload() {
            browser.call(session, "Page.reload", null);
        }

        /** Lays the tab out as a window of {@code width} x {@code height} CSS pixels (a laptop, a phone). */
        public void viewport(int width, int height) {
            viewport(width, height, 1);
        }

        /**
         * Lays the tab out as a window of {@code width} x {@code height} CSS pixels on a screen of
         * {@code devicePixelRatio} device pixels per CSS pixel (1.5 or 2.625 as many phones and laptops have).
         */
        public void viewport(int width, int height, double devicePixelRatio) {
            browser.call(session, "Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
                    .put("height", height).put("deviceScaleFactor", devicePixelRatio).put("mobile", false));
        }

        /**
         * Lays the tab out as a phone's screen of {@code width} x {@code height} CSS pixels that takes touch (five
         * fingers): the page sees touch events and a coarse pointer, as on a phone.
         */
        public void touchScreen(int width, int height) {
            browser.call(session, "Emulation.setDeviceMetricsOverride", JSON.createObjectNode()
                    .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", true));
            browser.call(session, "Emulation.setTouchEmulationEnabled", JSON.createObjectNode()
                    .put("enabled", true).put("maxTouchPoints", 5));
        }

        /** A PNG of the tab as it looks now, base64. */
        public String screenshot() {
            return browser.call(session, "Page.captureScreenshot", null).path("data").asText();
        }

        @Override
        public void close() {
            browser.listeners.remove(session);
            if (network != null) {
                network.fetcher.shutdownNow();
            }
            try {
                browser.call(null, "Target.closeTarget", JSON.createObjectNode().put("targetId", target));
            } catch (RuntimeException e) {
                // the browser is already gone
            }
        }
    }

    /**
     * What a tab received from the network since {@link Page#recordNetwork()}: every response body and every
     * WebSocket frame, as a test checks that a secret never came back. Events arrive on the DevTools socket's thread,
     * which must not wait for DevTools: each finished response's body is fetched on {@code simcast-chromium-network}
     * at once (Chromium forgets the bodies of a document it navigated away from).
     */
    public static final class NetworkLog {
        private final Page page;
        private final Queue<String> received = new ConcurrentLinkedQueue<>();
        private final AtomicInteger responses = new AtomicInteger();
        private final ExecutorService fetcher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "simcast-chromium-network");
            thread.setDaemon(true);
            return thread;
        });

        NetworkLog(Page page) {
            this.page = page;
        }

        void event(String method, JsonNode params) {
            switch (method) {
                case "Network.loadingFinished" -> fetcher.execute(() -> body(params.path("requestId").asText()));
                case "Network.webSocketFrameReceived" ->
                        received.add(params.path("response").path("payloadData").asText());
                default -> { }
            }
        }

        private void body(String requestId) {
            try {
                received.add(page.browser.call(page.session, "Network.getResponseBody",
                        JSON.createObjectNode().put("requestId", requestId)).path("body").asText());
                responses.incrementAndGet();
            } catch (IllegalStateException e) {
                // no body to read (a preflight, a redirect)
            }
        }

        /** How many response bodies were read so far. */
        public int responses() {
            return responses.get();
        }

        /** The response bodies and WebSocket frames received so far. */
        public List<String> received() {
            try {
                fetcher.submit(() -> { }).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS); // the bodies in flight
            } catch (Exception e) {
                throw new IllegalStateException("Reading response bodies failed: " + e, e);
            }
            return List.copyOf(received);
        }
    }
}
