package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.viewer.Viewer;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.server.HttpServerExchange;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/viewers/{id}/watch}: what a viewer watches, set by a script (a training script showing its
 * environment on the operator's page) with the body of the signalling {@code watch} message. The viewer's page
 * hears it as if it had asked. Worker threads; waits up to ten seconds (a copy's renderer starts on first use).
 */
public final class ViewerResource {
    private static final long WAIT_SECONDS = 10;

    private final Viewers viewers;
    private final long maxBodyBytes;

    public ViewerResource(Viewers viewers, long maxBodyBytes) {
        this.viewers = viewers;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** What the viewer watches now: {@code source} simulation, or rl with {@code env} and {@code copy}. */
    public record Watching(String viewer, String source, String env, Integer copy) {}

    public Watching watch(HttpServerExchange exchange) throws Exception {
        String id = exchange.getQueryParameters().get("id").getFirst();
        Viewer viewer = viewers.find(id).orElseThrow(() -> ApiException.notFound(StreamingMessages.noViewer(id)));
        JsonNode body = SceneResource.parse(RequestBody.read(exchange, maxBodyBytes).text());
        Optional<CopyRef> copy;
        try {
            copy = CopyRef.parseWatch(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        CompletableFuture<CopyRef> watching = copy.isPresent() ? viewers.watchCopy(viewer, copy.get())
                : viewers.watchSimulation(viewer).thenApply(mode -> null);
        CopyRef now;
        try {
            now = watching.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw refusal(e);
        } catch (TimeoutException e) {
            throw new ApiException(503, StreamingMessages.webRtcTimeout("switch the viewer's picture"));
        }
        viewer.channel().watching(now, null);
        return now == null ? new Watching(id, CopyRef.SIMULATION, null, null)
                : new Watching(id, CopyRef.RL, now.env(), now.copy());
    }

    private static ApiException refusal(ExecutionException failure) {
        Throwable cause = failure.getCause();
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = StreamingMessages.reason(cause);
        return switch (cause) {
            case NoSuchElementException ignored -> ApiException.notFound(message);
            case IllegalArgumentException ignored -> ApiException.badRequest(message);
            case RenderUnavailableException ignored -> new ApiException(503, message);
            default -> new ApiException(409, message);
        };
    }
}
