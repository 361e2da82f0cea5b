package io.simcast.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A signalling client for tests: sends text, collects the host's JSON messages and the close. */
public final class SocketClient implements AutoCloseable {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    public SocketClient(URI uri) throws Exception {
        this(uri, null);
    }

    /** Connects to {@code uri} and sends {@code token} in the first message, as the page does. */
    public static SocketClient authorized(URI uri, String token) throws Exception {
        SocketClient client = new SocketClient(uri);
        client.send(Json.MAPPER.writeValueAsString(java.util.Map.of("type", "auth", "token", token)));
        return client;
    }

    /** @param origin an Origin header to send, or null */
    public SocketClient(URI uri, String origin) throws Exception {
        this(uri, origin, HttpClient.newHttpClient());
    }

    /** Through {@code http}, e.g. one that trusts a test certificate for {@code wss://}. */
    public SocketClient(URI uri, String origin, HttpClient http) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        StringBuilder partial = new StringBuilder();
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(Json.parse(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends {@code text} {@code times} times, one after the other, until the host closes the socket. */
    public void flood(String text, int times) {
        for (int i = 0; i < times && trySend(text); i++) {
            // next
        }
    }

    /** Sends {@code text} unless the host has closed the socket. @return whether it was sent */
    public boolean trySend(String text) {
        try {
            if (!closed.isDone()) {
                socket.sendText(text, true).join();
                return true;
            }
        } catch (RuntimeException e) {
            // the host closed the socket meanwhile: that is what misbehaving clients are for
        }
        return false;
    }

    /** The next message of {@code type}, skipping others (state ticks arrive all the time). */
    public JsonNode next(String type) throws InterruptedException {
        return next(java.util.Set.of(type));
    }

    /** The next message of any of {@code types}, skipping others. */
    public JsonNode next(java.util.Set<String> types) throws InterruptedException {
        return next(types, Duration.ofSeconds(30));
    }

    /** The next message of any of {@code types} within {@code guard} (a failure guard, not a timing claim). */
    public JsonNode next(java.util.Set<String> types, Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && types.contains(message.path("type").asText())) {
                return message;
            }
        }
        throw new AssertionError("no " + types + " message within " + guard);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done");
        }
        socket.abort();
    }
}
