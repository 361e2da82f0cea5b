package io.simcast.streaming.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.IceServer;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.input.InputEvent;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.viewer.ClientReport;
import io.simcast.streaming.viewer.Door;
import io.simcast.streaming.viewer.Viewer;
import io.simcast.streaming.viewer.ViewerRefusedException;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code WS /ws/signaling}: the bundled page's door. One socket is one viewer: admitted on connect (or refused with
 * a {@code refused} message and close code 1013), welcomed, then it sends its offer, trickles candidates, may switch
 * views, reports what it measured and sends input events; the host answers, trickles its candidates and reports
 * state and scene changes through {@link SignalingHub}; it may watch an RL environment copy instead of the
 * simulation ({@code watch}). Closing the socket ends the viewer. Every message is in
 * docs/PROTOCOL.md. A message that cannot be understood gets an {@code error} reply; the socket stays open.
 *
 * <p>Messages arrive on Undertow IO threads and are only parsed and dispatched here; WebRTC work goes to the engine
 * thread and input to the input thread.
 */
public final class SignalingEndpoint implements WebSocketConnectionCallback {
    /** An offer is the largest message; anything bigger is not ours. */
    private static final long MAX_MESSAGE_BYTES = SdpOffer.MAX_BYTES + 1024;
    /** Close code for "try again later" (RFC 6455 registry). */
    private static final int TRY_AGAIN_LATER = 1013;

    private final Viewers viewers;
    private final SignalingHub hub;
    private final VideoFormat video;
    private final List<IceServer> iceServers;
    private final ViewMode defaultMode;
    private final boolean latencyStamp;

    public SignalingEndpoint(Viewers viewers, SignalingHub hub, VideoFormat video, List<IceServer> iceServers,
                             ViewMode defaultMode, boolean latencyStamp) {
        this.viewers = viewers;
        this.hub = hub;
        this.video = video;
        this.iceServers = List.copyOf(iceServers);
        this.defaultMode = defaultMode;
        this.latencyStamp = latencyStamp;
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel socket) {
        SocketChannel channel = new SocketChannel(socket);
        ViewMode mode;
        try {
            mode = requestedMode(exchange.getRequestParameters());
        } catch (IllegalArgumentException e) {
            channel.send(new Outgoing.Refused("bad_request", e.getMessage()));
            channel.closeWith(1008, e.getMessage());
            return;
        }
        Viewer viewer;
        try {
            viewer = viewers.admit(Door.WEBSOCKET, mode, channel);
        } catch (ViewerRefusedException e) {
            channel.send(new Outgoing.Refused(e.reason(), e.getMessage()));
            channel.closeWith(TRY_AGAIN_LATER, e.getMessage());
            return;
        }
        hub.add(channel);
        socket.addCloseTask(closed -> {
            hub.remove(channel);
            viewers.close(viewer, null);
        });
        socket.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ignored, BufferedTextMessage message) {
                receive(viewer, channel, message.getData());
            }

            @Override
            protected long getMaxTextBufferSize() {
                return MAX_MESSAGE_BYTES;
            }
        });
        socket.resumeReceives();
        channel.send(new Outgoing.Welcome(viewer.id(), mode.wireName(), video,
                Outgoing.IceServerEntry.of(iceServers), latencyStamp, hub.scene(), hub.state()));
        channel.send(hub.environments());
    }

    private ViewMode requestedMode(Map<String, List<String>> parameters) {
        List<String> view = parameters.get("view");
        return view == null || view.isEmpty() ? defaultMode : ViewMode.parse(view.getFirst());
    }

    /** One text message from the page. IO thread: parse and dispatch, nothing that waits. */
    private void receive(Viewer viewer, SocketChannel channel, String text) {
        JsonNode message;
        try {
            message = Json.parse(text);
        } catch (IllegalArgumentException e) {
            channel.error("bad_json", e.getMessage());
            return;
        }
        String type = message.path("type").asText("");
        switch (type) {
            case "offer" -> offer(viewer, channel, message);
            case "candidate" -> candidate(viewer, channel, message);
            case "view" -> view(viewer, channel, message);
            case "watch" -> watch(viewer, channel, message);
            case "stats" -> viewer.report(new ClientReport(message.path("fps").asDouble(-1),
                    message.path("framesDropped").asLong(0), message.path("latencyMs").asDouble(-1)));
            default -> {
                if (InputEvent.isInputType(type)) {
                    viewers.input(viewer, message);
                } else {
                    channel.error("bad_message", StreamingMessages.unknownMessageType(type));
                }
            }
        }
    }

    private void offer(Viewer viewer, SocketChannel channel, JsonNode message) {
        String sdp;
        try {
            sdp = SdpOffer.check(message.path("sdp").isTextual() ? message.get("sdp").asText() : null);
        } catch (IllegalArgumentException e) {
            channel.error("bad_sdp", e.getMessage());
            return;
        }
        viewers.connect(viewer, sdp, false).whenComplete((answer, failure) -> {
            if (failure == null) {
                channel.send(new Outgoing.Answer(answer));
            } else {
                channel.error("bad_sdp", StreamingMessages.offerRefused(StreamingMessages.reason(failure)));
            }
        });
    }

    private void candidate(Viewer viewer, SocketChannel channel, JsonNode message) {
        JsonNode candidate = message.get("candidate");
        if (candidate == null || candidate.isNull() || candidate.asText().isEmpty()) {
            return; // end of candidates: nothing to do
        }
        if (!candidate.isTextual() || !candidate.asText().startsWith("candidate:")) {
            channel.error("bad_candidate", StreamingMessages.badCandidate("it must start with \"candidate:\""));
            return;
        }
        viewers.addCandidate(viewer, candidate.asText(), message.path("sdpMid").asText("0"),
                message.path("sdpMLineIndex").asInt(0));
    }

    private void view(Viewer viewer, SocketChannel channel, JsonNode message) {
        ViewMode mode;
        try {
            mode = ViewMode.parse(message.path("mode").asText(""));
        } catch (IllegalArgumentException e) {
            channel.error("bad_message", e.getMessage());
            return;
        }
        viewers.switchView(viewer, mode).whenComplete((now, failure) -> {
            if (failure == null) {
                channel.send(new Outgoing.View(now.wireName()));
            } else {
                channel.error("view_failed", StreamingMessages.reason(failure));
            }
        });
    }

    /** Watch an RL environment copy, or the simulation again; answered with a {@code watch} message. */
    private void watch(Viewer viewer, SocketChannel channel, JsonNode message) {
        Optional<CopyRef> copy;
        try {
            copy = CopyRef.parseWatch(message);
        } catch (IllegalArgumentException e) {
            channel.error("bad_message", e.getMessage());
            return;
        }
        CompletableFuture<CopyRef> watching = copy.isPresent() ? viewers.watchCopy(viewer, copy.get())
                : viewers.switchView(viewer, viewer.mode()).thenApply(mode -> null);
        watching.whenComplete((now, failure) -> {
            if (failure == null) {
                channel.watching(now, null);
            } else {
                channel.error("watch_failed", StreamingMessages.reason(failure));
            }
        });
    }

}
