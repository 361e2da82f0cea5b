package io.simcast.encode.broadcast;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.simcast.encode.EncodeMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between FFmpeg's WHIP muxer and the SFU for one session, so that the SFU's key frame requests reach the
 * encoder (the muxer swallows them). The muxer publishes to {@link #muxerUrl()} on 127.0.0.1: the relay passes the
 * offer on to the real endpoint (adding the bearer token there, so the token never reaches FFmpeg), points the
 * answer's media candidate at a {@link MediaRelay}, and passes the muxer's closing DELETE on to the resource the
 * SFU made. Its HTTP exchanges run on one thread, {@code simcast-broadcast-whip} (the JDK's HTTP server and client
 * add their own dispatcher threads); the media on the relay's. Opened
 * and closed by the broadcast thread; the getters from any thread.
 */
final class WhipRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WhipRelay.class);
    private static final String ENDPOINT = "/whip";
    private static final String RESOURCE = "/whip/session";
    private static final Duration SFU_TIMEOUT = Duration.ofSeconds(5);

    private final BroadcastTarget target;
    private final Runnable onKeyframeRequest;
    private final HttpServer server;
    private final ExecutorService exchanges;
    private final HttpClient http;
    private final AtomicReference<MediaRelay> media = new AtomicReference<>();
    private volatile URI resource;
    private volatile String failure;

    private WhipRelay(BroadcastTarget target, Runnable onKeyframeRequest, HttpServer server) {
        this.target = target;
        this.onKeyframeRequest = onKeyframeRequest;
        this.server = server;
        this.exchanges = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "simcast-broadcast-whip");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(SFU_TIMEOUT).build();
    }

    /** Listens on a fresh port of 127.0.0.1 for the muxer of one session to {@code target}. */
    static WhipRelay open(BroadcastTarget target, Runnable onKeyframeRequest) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WhipRelay relay = new WhipRelay(target, onKeyframeRequest, server);
        server.setExecutor(relay.exchanges);
        server.createContext(ENDPOINT, relay::exchange);
        server.start();
        return relay;
    }

    /** Where the muxer publishes. */
    URI muxerUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + ENDPOINT);
    }

    /** Whether the SFU stopped listening for this session's media. */
    boolean sfuGone() {
        MediaRelay relay = media.get();
        return relay != null && relay.sfuGone();
    }

    /** Why the SFU could not be reached or refused the offer, when it did: FFmpeg only sees an HTTP error. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Key frame requests the SFU sent in this session. */
    long keyframeRequests() {
        MediaRelay relay = media.get();
        return relay == null ? 0 : relay.keyframeRequests();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> publish(exchange);
                case "DELETE" -> end(exchange);
                default -> reply(exchange, 405, "");
            }
        } catch (IOException | RuntimeException e) {
            failure = EncodeMessages.whipRelayFailed(target.describe(), e.getMessage() == null ? e.toString()
                    : e.getMessage());
            log.debug("WHIP to {}: {}", target.describe(), e.toString());
            reply(exchange, 502, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, "");
        }
    }

    /** The offer goes to the SFU; its answer comes back with the media candidate moved to the relay. */
    private void publish(HttpExchange exchange) throws IOException, InterruptedException {
        String offer = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(authorized(HttpRequest.newBuilder(target.url()))
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(offer)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            failure = EncodeMessages.whipRefused(target.describe(), answer.statusCode(), answer.body());
            reply(exchange, answer.statusCode(), answer.body());
            return;
        }
        SdpAnswer sdp = new SdpAnswer(answer.body());
        InetSocketAddress sfuMedia = sdp.mediaAddress().orElseThrow(() -> new IOException(
                EncodeMessages.noMediaCandidate()));
        resource = answer.headers().firstValue("Location").map(target.url()::resolve).orElse(null);
        MediaRelay relay = MediaRelay.start(sfuMedia, onKeyframeRequest);
        Optional.ofNullable(media.getAndSet(relay)).ifPresent(MediaRelay::close);
        exchange.getResponseHeaders().add("Location", muxerUrl().resolve(RESOURCE).toString());
        exchange.getResponseHeaders().add("Content-Type", "application/sdp");
        reply(exchange, 201, sdp.relayedThrough(relay.muxerAddress()));
    }

    /** The muxer's DELETE ends the session at the SFU too. */
    private void end(HttpExchange exchange) throws IOException, InterruptedException {
        URI session = resource;
        if (session != null) {
            http.send(authorized(HttpRequest.newBuilder(session)).timeout(SFU_TIMEOUT).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        reply(exchange, 200, "");
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        target.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request.timeout(SFU_TIMEOUT);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops listening and relaying. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        Optional.ofNullable(media.getAndSet(null)).ifPresent(MediaRelay::close);
        exchanges.shutdownNow();
        http.close();
    }
}
