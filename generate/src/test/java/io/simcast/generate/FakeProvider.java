package io.simcast.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's chat API on 127.0.0.1, speaking its real wire format, answering with scripted replies in order and
 * recording every request. Subclasses know one provider's format (paths, bodies, headers); everything else is here.
 * Requests are handled on threads named {@code fake-provider-N}. Start one per test and close it. Public because the
 * streaming REST tests and the console's tests use the same fakes through sim's test-jar.
 */
public abstract class FakeProvider implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final String MODEL = "test-model";
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** How a scripted answer ended. */
    public enum Finish { STOP, LENGTH, CONTENT_FILTER }

    /** One scripted reply: an answer, an HTTP error, or silence until the server closes. */
    public record Reply(int status, String text, Finish finish, boolean silent) {
        public static Reply answer(String text) {
            return new Reply(200, text, Finish.STOP, false);
        }

        public static Reply answer(String text, Finish finish) {
            return new Reply(200, text, finish, false);
        }

        public static Reply error(int status, String message) {
            return new Reply(status, message, null, false);
        }

        public static Reply silence() {
            return new Reply(0, null, null, true);
        }
    }

    /** One request as it arrived. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-provider-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fake for {@code provider}; OpenAI-compatible servers speak OpenAI's format. */
    public static FakeProvider start(Provider provider) {
        return switch (provider) {
            case OPENAI, OPENAI_COMPATIBLE -> new FakeOpenAi(provider);
            case ANTHROPIC -> new FakeAnthropic();
            case GEMINI -> new FakeGemini();
        };
    }

    public abstract Provider provider();

    /** The base URL path the provider's API lives under, e.g. {@code /v1}. */
    abstract String basePath();

    abstract String chatPath();

    abstract ObjectNode answerBody(String text, Finish finish);

    /** The error body the provider sends, with its explanation at {@code error.message}. */
    abstract ObjectNode errorBody(int status, String message);

    /** Texts of the user turns in a request, oldest first. */
    abstract List<String> userTexts(Request request);

    /** The system prompt as sent. */
    abstract String systemText(Request request);

    /** The API key as sent, from the provider's own header. */
    abstract String sentKey(Request request);

    /** The model a request asked for. */
    abstract String requestedModel(Request request);

    /** User turns of OpenAI- and Anthropic-style {@code messages}: content is a string or a list of text parts. */
    static List<String> userTurns(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("user")) {
                JsonNode content = message.path("content");
                texts.add(content.isTextual() ? content.asText() : content.path(0).path("text").asText());
            }
        }
        return texts;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath();
    }

    /** Settings pointing at this fake, with {@code key} and model {@value #MODEL}. */
    public ProviderSettings settings(String key) {
        return new ProviderSettings(provider(), key, MODEL, baseUrl());
    }

    public FakeProvider enqueue(Reply... scripted) {
        replies.addAll(List.of(scripted));
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until {@code count} requests have arrived. */
    public synchronized List<Request> awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " requests, got " + requests.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        synchronized (this) {
            requests.add(request);
            notifyAll();
        }
        if (!request.path().equals(chatPath())) {
            respond(exchange, 404, errorBody(404, "fake: no route " + request.path()));
            return;
        }
        Reply reply = replies.poll();
        if (reply == null) {
            respond(exchange, 500, errorBody(500, "fake: no reply scripted"));
        } else if (reply.silent()) {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        } else if (reply.status() == 200) {
            respond(exchange, 200, answerBody(reply.text(), reply.finish()));
        } else {
            respond(exchange, reply.status(), errorBody(reply.status(), reply.text()));
        }
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
