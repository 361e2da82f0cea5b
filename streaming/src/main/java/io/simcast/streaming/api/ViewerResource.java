package io.simcast.streaming.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.render.RenderUnavailableException;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.watch.SandboxRef;
import io.simcast.streaming.watch.WatchRequest;
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

    /**
     * What the viewer watches now: {@code source} simulation, rl with {@code env} and {@code copy}, or sandbox with
     * its {@code id}.
     */
    public record Watching(String viewer, String source, String env, Integer copy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String id) {
        static Watching of(String viewer, WatchRef now) {
            return switch (now) {
                case null -> new Watching(viewer, WatchRef.SIMULATION, null, null, null);
                case CopyRef copy -> new Watching(viewer, copy.source(), copy.env(), copy.copy(), null);
                case SandboxRef sandbox -> new Watching(viewer, sandbox.source(), null, null, sandbox.id());
                default -> throw new IllegalArgumentException("Nothing to watch as " + now);
            };
        }
    }

    public Watching watch(HttpServerExchange exchange) throws Exception {
        String id = exchange.getQueryParameters().get("id").getFirst();
        Viewer viewer = viewers.find(id).orElseThrow(() -> ApiException.notFound(StreamingMessages.noViewer(id)));
        JsonNode body = SceneResource.parse(RequestBody.read(exchange, maxBodyBytes).text());
        Optional<WatchRef> ref;
        try {
            ref = WatchRequest.parse(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        CompletableFuture<WatchRef> watching = viewers.watch(viewer, ref);
        WatchRef now;
        try {
            now = watching.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw refusal(e);
        } catch (TimeoutException e) {
            throw new ApiException(503, StreamingMessages.webRtcTimeout("switch the viewer's picture"));
        }
        viewer.channel().watching(now, null);
        return Watching.of(id, now);
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
