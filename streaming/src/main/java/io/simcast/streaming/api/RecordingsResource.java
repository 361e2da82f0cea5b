package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.encode.EncoderUnavailableException;
import io.simcast.encode.record.LiveRecording;
import io.simcast.encode.record.Recordings;
import io.simcast.sim.render.FrameSubscription;
import io.simcast.sim.render.View;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.JsonHandler;
import io.simcast.streaming.http.JsonHandler.Reply;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.output.HostOutputs;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.rl.CopyViews;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/recordings}: the operator records any view to MP4 (the shared view, one viewer's, or an RL environment
 * copy's), stops it, lists the recordings and downloads the files. The recording itself runs on its own thread
 * ({@link LiveRecording}); these handlers run on worker threads and only start, stop and read.
 */
public final class RecordingsResource {
    private static final long VIEW_TIMEOUT_SECONDS = 30;

    private final HostOutputs outputs;
    private final Viewers viewers;
    private final Optional<CopyViews> copyViews;
    private final VideoFormat format;
    private final long maxBodyBytes;

    /** @param copyViews the renderers of RL copies, if the host has video */
    public RecordingsResource(HostOutputs outputs, Viewers viewers, Optional<CopyViews> copyViews, VideoFormat format,
                              long maxBodyBytes) {
        this.outputs = outputs;
        this.viewers = viewers;
        this.copyViews = copyViews;
        this.format = format;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param recordings every recording of this run, newest last
     * @param files the MP4 files in the recordings folder
     * @param folder where they are
     */
    public record Listing(List<LiveRecording.Status> recordings, List<Recordings.StoredFile> files, String folder) {}

    /** {@code GET /api/recordings}. */
    public Listing list(HttpServerExchange exchange) throws IOException {
        Recordings recordings = outputs.recordings();
        return new Listing(recordings.recordings(), recordings.files(), recordings.folder().toString());
    }

    /**
     * {@code POST /api/recordings} with {@code {"view": "shared"}}, {@code {"viewer": "v3"}} or
     * {@code {"env": "e1", "copy": 0}}: starts recording that picture.
     */
    public Reply start(HttpServerExchange exchange) throws Exception {
        JsonNode body = SceneResource.parse(RequestBody.read(exchange, maxBodyBytes).text());
        Source source = source(body);
        try {
            return Reply.json(201, outputs.recordings().start(source.name(), source.frames(), format.fps(),
                    source.release()));
        } catch (IllegalStateException | EncoderUnavailableException e) {
            source.release().run();
            throw new ApiException(409, e.getMessage());
        }
    }

    /** {@code GET /api/recordings/{name}}: a file (NAME.mp4) for download, or a recording's status by id. */
    public Object get(HttpServerExchange exchange) throws IOException {
        String name = exchange.getQueryParameters().get("name").getFirst();
        if (!name.endsWith(".mp4")) {
            return outputs.recordings().recordings().stream().filter(s -> s.id().equals(name)).findFirst()
                    .orElseThrow(() -> ApiException.notFound(StreamingMessages.noRecording(name)));
        }
        Path file = outputs.recordings().file(name)
                .orElseThrow(() -> ApiException.notFound(StreamingMessages.noRecording(name)));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "video/mp4");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        exchange.setResponseContentLength(Files.size(file));
        exchange.startBlocking();
        Files.copy(file, exchange.getOutputStream());
        exchange.endExchange();
        return JsonHandler.WRITTEN;
    }

    /** {@code DELETE /api/recordings/{name}}: stops recording {@code name} (an id) and finishes its file. */
    public LiveRecording.Status stop(HttpServerExchange exchange) throws InterruptedException {
        String id = exchange.getQueryParameters().get("name").getFirst();
        return outputs.recordings().stop(id)
                .orElseThrow(() -> ApiException.notFound(StreamingMessages.noRecording(id)));
    }

    /** What to record, and what to let go of when the recording ends. */
    private record Source(String name, FrameSubscription frames, Runnable release) {}

    private Source source(JsonNode body) throws Exception {
        if (body.hasNonNull("viewer")) {
            String id = body.get("viewer").asText();
            View view = viewers.viewOf(id).get(VIEW_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .orElseThrow(() -> ApiException.notFound(StreamingMessages.noViewerToRecord(id)));
            return new Source("viewer " + id, view.subscribe(), () -> {});
        }
        if (body.hasNonNull("env")) {
            CopyViews copies = copyViews.orElseThrow(() -> new ApiException(409, StreamingMessages.nothingToRecord()));
            CopyRef copy;
            try {
                copy = new CopyRef(body.get("env").asText(), body.path("copy").asInt(0));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            View view;
            try {
                view = copies.acquire(copy).get(VIEW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw ApiException.notFound(StreamingMessages.reason(e));
            }
            return new Source("RL " + copy, view.subscribe(), () -> copies.release(copy));
        }
        String view = body.path("view").asText("shared");
        if (!view.equals("shared")) {
            throw ApiException.badRequest(StreamingMessages.badRecordingSource(view));
        }
        View shared = outputs.sharedView().get();
        if (shared != null) {
            return new Source("shared view", shared.subscribe(), () -> {});
        }
        Optional<View> own = outputs.newView();
        View made = own.orElseThrow(() -> new ApiException(409, StreamingMessages.nothingToRecord()));
        return new Source("shared view", made.subscribe(), made::close);
    }
}
