package io.simcast.streaming.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.sim.render.VisualOptions;
import io.simcast.streaming.IceServers;
import io.simcast.streaming.Outputs;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.VideoFormat;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.access.ClientAddress;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.input.Commands;
import io.simcast.streaming.input.Help;
import io.simcast.streaming.input.InputEvent;
import io.simcast.streaming.input.VisualWire;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.watch.WatchRequest;
import io.simcast.streaming.viewer.ClientReport;
import io.simcast.streaming.viewer.Door;
import io.simcast.streaming.viewer.Viewer;
import io.simcast.streaming.viewer.ViewerRefusedException;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code WS /ws/signaling}: the bundled page's door. One socket is one viewer: identified by the token of its upgrade
 * (an {@code Authorization} header, checked by the route's guard; never the URL, which ends up in logs) or, failing that, by an {@code auth} first message within
 * {@value #AUTH_SECONDS} seconds; then admitted (or refused with a {@code refused} message and a close), welcomed with
 * its role, and from then on it sends its offer, trickles candidates, may switch views, reports what it measured and
 * sends input events; the host answers, trickles its candidates and reports state and scene changes through
 * {@link SignalingHub}; it may watch an RL environment copy instead of the simulation ({@code watch}), which changes
 * only what this viewer sees. Closing the socket ends the viewer. Every message is in docs/PROTOCOL.md. A message
 * that cannot be understood gets an {@code error} reply and the socket stays open, unless the viewer keeps sending
 * such, floods, or sends a message larger than any the protocol has: then it is disconnected.
 *
 * <p>Messages arrive on Undertow IO threads and are only parsed and dispatched here; WebRTC work goes to the viewer's
 * serial queue and input to the input thread. The authentication deadline runs on the socket's IO thread.
 */
public final class SignalingEndpoint implements WebSocketConnectionCallback {
    /** An offer is the largest message; anything bigger is not ours. */
    static final long MAX_MESSAGE_BYTES = SdpOffer.MAX_BYTES + 1024;
    /** How long a socket without credentials has to send its {@code auth} message. */
    static final int AUTH_SECONDS = 5;
    /** Close codes (RFC 6455 registry, and the private range for HTTP's 401 and 403). */
    private static final int TRY_AGAIN_LATER = 1013;
    private static final int UNAUTHORIZED = 4401;
    private static final int FORBIDDEN = 4403;

    private final Viewers viewers;
    private final SignalingHub hub;
    private final ShareLinks links;
    private final VideoFormat video;
    private final IceServers iceServers;
    private final ViewMode defaultMode;
    private final boolean latencyStamp;
    private final Optional<Outputs.SfuPlayback> playback;
    private final Runnable keyframe;
    /** Sockets that have not said who they are yet; bounded so that idle sockets cannot pile up. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;

    /**
     * @param playback where pages play the host's broadcast from, if they may (then {@code broadcast} messages tell
     *     them, and they say when they play it)
     * @param keyframe asks the broadcast for a key frame (a page started playing it)
     */
    public SignalingEndpoint(Viewers viewers, SignalingHub hub, ShareLinks links, VideoFormat video,
                             IceServers iceServers, ViewMode defaultMode, boolean latencyStamp,
                             Optional<Outputs.SfuPlayback> playback, Runnable keyframe) {
        this.viewers = viewers;
        this.hub = hub;
        this.links = links;
        this.video = video;
        this.iceServers = iceServers;
        this.defaultMode = defaultMode;
        this.latencyStamp = latencyStamp;
        this.playback = playback;
        this.keyframe = keyframe;
        this.maxWaiting = Math.max(8, viewers.limit());
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel socket) {
        SocketChannel channel = new SocketChannel(socket);
        ViewMode mode;
        try {
            mode = requestedMode(exchange.getRequestParameters());
        } catch (IllegalArgumentException e) {
            channel.send(new Outgoing.Refused("bad_request", e.getMessage()));
            channel.closeWith(CloseMessage.MSG_VIOLATES_POLICY, e.getMessage());
            return;
        }
        Grant grant = exchange.getAttachment(Gatekeeper.GRANT);
        String address = ClientAddress.of(socket.getSourceAddress(), exchange.getRequestHeader("X-Forwarded-For"));
        if (grant != null) {
            admit(socket, channel, mode, grant, address);
        } else {
            awaitCredentials(socket, channel, mode, address);
        }
    }

    /** No token with the upgrade: the first message must be {@code {"type": "auth", "token": "..."}}. */
    private void awaitCredentials(WebSocketChannel socket, SocketChannel channel, ViewMode mode, String address) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            refuse(channel, TRY_AGAIN_LATER, "busy", StreamingMessages.tooManyWaitingSockets());
            return;
        }
        AtomicBoolean settled = new AtomicBoolean();
        Runnable settle = () -> {
            if (settled.compareAndSet(false, true)) {
                waiting.decrementAndGet();
            }
        };
        socket.addCloseTask(closed -> settle.run());
        socket.getIoThread().executeAfter(() -> {
            if (!settled.get()) {
                settle.run();
                refuse(channel, UNAUTHORIZED, "unauthorized", StreamingMessages.missingToken());
            }
        }, AUTH_SECONDS, TimeUnit.SECONDS);
        socket.getReceiveSetter().set(new Listener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ignored, BufferedTextMessage message) {
                if (settled.get()) {
                    return;
                }
                settle.run();
                JsonNode auth;
                try {
                    auth = Json.parse(message.getData());
                } catch (IllegalArgumentException e) {
                    auth = null;
                }
                if (auth == null || !"auth".equals(auth.path("type").asText()) || !auth.path("token").isTextual()) {
                    refuse(channel, UNAUTHORIZED, "unauthorized", StreamingMessages.missingToken());
                    return;
                }
                links.authenticate(auth.get("token").asText()).ifPresentOrElse(
                        granted -> admit(socket, channel, mode, granted, address),
                        () -> refuse(channel, UNAUTHORIZED, "unauthorized", StreamingMessages.invalidToken()));
            }
        });
        socket.resumeReceives();
    }

    private void admit(WebSocketChannel socket, SocketChannel channel, ViewMode mode, Grant grant, String address) {
        Viewer viewer;
        try {
            viewer = viewers.admit(Door.WEBSOCKET, mode, channel, grant, address);
        } catch (ViewerRefusedException e) {
            refuse(channel, TRY_AGAIN_LATER, e.reason(), e.getMessage());
            return;
        }
        hub.add(channel);
        socket.addCloseTask(closed -> {
            hub.remove(channel);
            viewers.close(viewer, null);
        });
        socket.getReceiveSetter().set(new Listener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ignored, BufferedTextMessage message) {
                receive(viewer, channel, message.getData());
            }
        });
        socket.resumeReceives();
        // Before the welcome, so that the page knows where the broadcast plays when it decides how to watch.
        playback.ifPresent(sfu -> channel.send(new Outgoing.Broadcast(sfu.janus().toString(), sfu.room())));
        channel.send(new Outgoing.Welcome(viewer.id(), grant.role().wireName(), mode.wireName(), video,
                Outgoing.IceServerEntry.of(iceServers.forPeer(viewer.id())), latencyStamp, hub.scene(), hub.state()));
        channel.send(hub.environments());
        channel.send(hub.sources());
        channel.send(hub.model());
        channel.send(Outgoing.Keys.of(Commands.panelKeys(), Help.of()));
        channel.send(new Outgoing.Visual(VisualWire.of(VisualOptions.of(video.streamingView().quality()))));
    }

    private static void refuse(SocketChannel channel, int code, String reason, String message) {
        channel.send(new Outgoing.Refused(reason, message));
        channel.closeWith(code, message);
    }

    private ViewMode requestedMode(Map<String, List<String>> parameters) {
        List<String> view = parameters.get("view");
        return view == null || view.isEmpty() ? defaultMode : ViewMode.parse(view.getFirst());
    }

    /** One text message from an admitted page. IO thread: parse and dispatch, nothing that waits. */
    private void receive(Viewer viewer, SocketChannel channel, String text) {
        if (!viewers.accept(viewer)) {
            return;
        }
        JsonNode message;
        try {
            message = Json.parse(text);
        } catch (IllegalArgumentException e) {
            viewers.refuse(viewer, "bad_json", e.getMessage());
            return;
        }
        String type = message.path("type").asText("");
        switch (type) {
            case "offer" -> offer(viewer, channel, message, false);
            case "restart" -> offer(viewer, channel, message, true);
            case "candidate", "ice-candidate" -> candidate(viewer, message); // the original viewer's name
            case "view" -> view(viewer, channel, message);
            case "broadcast" -> {
                viewers.joinAudience(viewer);
                keyframe.run();
            }
            case "watch" -> watch(viewer, channel, message);
            case "stats" -> viewer.report(new ClientReport(message.path("fps").asDouble(-1),
                    message.path("framesDropped").asLong(0), message.path("latencyMs").asDouble(-1)));
            case "profiler" -> hub.watchProfiler(channel, message.path("on").asBoolean(false));
            case "auth" -> { } // already admitted: a page that sends its token anyway changes nothing
            default -> {
                if (InputEvent.isInputType(type)) {
                    viewers.input(viewer, message);
                } else {
                    viewers.refuse(viewer, "bad_message", StreamingMessages.unknownMessageType(type));
                }
            }
        }
    }

    /** An offer, or with {@code restart} an ICE-restart offer on the viewer's connection: answered on the socket. */
    private void offer(Viewer viewer, SocketChannel channel, JsonNode message, boolean restart) {
        String sdp;
        try {
            sdp = SdpOffer.check(message.path("sdp").isTextual() ? message.get("sdp").asText() : null);
        } catch (IllegalArgumentException e) {
            viewers.refuse(viewer, "bad_sdp", e.getMessage());
            return;
        }
        CompletableFuture<String> answered = restart ? viewers.restart(viewer, sdp) : viewers.connect(viewer, sdp, false);
        answered.whenComplete((answer, failure) -> {
            if (failure == null) {
                channel.send(new Outgoing.Answer(answer));
            } else {
                viewers.refuse(viewer, "bad_sdp", StreamingMessages.offerRefused(StreamingMessages.reason(failure)));
            }
        });
    }

    /**
     * A trickled candidate: its fields beside {@code type}, or (as the original viewer's clients send them) an
     * RTCIceCandidate dictionary under {@code candidate}.
     */
    private void candidate(Viewer viewer, JsonNode message) {
        if (message.path("candidate").isObject()) {
            message = message.get("candidate");
        }
        JsonNode candidate = message.get("candidate");
        if (candidate == null || candidate.isNull() || candidate.asText().isEmpty()) {
            return; // end of candidates: nothing to do
        }
        if (!candidate.isTextual() || !candidate.asText().startsWith("candidate:")
                || candidate.asText().length() > MAX_CANDIDATE_CHARS) {
            viewers.refuse(viewer, "bad_candidate", StreamingMessages.badCandidate("it must start with \"candidate:\""
                    + " and be at most " + MAX_CANDIDATE_CHARS + " characters"));
            return;
        }
        viewers.addCandidate(viewer, candidate.asText(), message.path("sdpMid").asText("0"),
                message.path("sdpMLineIndex").asInt(0));
    }

    /** A real candidate line is about a hundred characters. */
    private static final int MAX_CANDIDATE_CHARS = 1024;

    private void view(Viewer viewer, SocketChannel channel, JsonNode message) {
        ViewMode mode;
        try {
            mode = ViewMode.parse(message.path("mode").asText(""));
        } catch (IllegalArgumentException e) {
            viewers.refuse(viewer, "bad_message", e.getMessage());
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

    /** Watch an RL environment copy, a sandbox, or the simulation again; answered with a {@code watch} message. */
    private void watch(Viewer viewer, SocketChannel channel, JsonNode message) {
        Optional<WatchRef> ref;
        try {
            ref = WatchRequest.parse(message);
        } catch (IllegalArgumentException e) {
            viewers.refuse(viewer, "bad_message", e.getMessage());
            return;
        }
        viewers.watch(viewer, ref).whenComplete((now, failure) -> {
            if (failure == null) {
                channel.watching(now, null);
            } else {
                channel.error("watch_failed", StreamingMessages.reason(failure));
            }
        });
    }

    /**
     * Buffers whole text messages up to {@link #MAX_MESSAGE_BYTES}. A larger one is not ours: Undertow stops reading
     * it and reports an error, and the socket is closed with 1009 (message too big) and the reason. The protocol has no
     * binary messages: the first one closes the socket with 1003 (unsupported data), after a kilobyte at most. The
     * viewer ends with its socket (its close task).
     */
    private abstract static class Listener extends AbstractReceiveListener {
        @Override
        protected long getMaxTextBufferSize() {
            return MAX_MESSAGE_BYTES;
        }

        @Override
        protected long getMaxBinaryBufferSize() {
            return 1024;
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            message.getData().free();
            new SocketChannel(channel).closeWith(CloseMessage.WRONG_CODE, StreamingMessages.binaryMessage());
        }

        @Override
        protected void onError(WebSocketChannel channel, Throwable error) {
            if (error instanceof IOException && String.valueOf(error.getMessage()).contains("UT002040")) {
                new SocketChannel(channel).closeWith(CloseMessage.MSG_TOO_BIG,
                        StreamingMessages.messageTooLarge(MAX_MESSAGE_BYTES));
            } else {
                super.onError(channel, error);
            }
        }
    }
}
