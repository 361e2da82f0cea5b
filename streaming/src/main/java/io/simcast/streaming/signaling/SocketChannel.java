package io.simcast.streaming.signaling;

import io.simcast.sim.render.CameraPose;
import io.simcast.streaming.http.Json;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.viewer.ViewerChannel;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import org.xnio.XnioIoThread;

/**
 * A viewer's signalling WebSocket as a {@link ViewerChannel}. Any thread may call, libwebrtc's included: every write
 * runs on the connection's IO thread (at once when already there, else queued), so frames from different threads
 * never interleave and a {@code bye} always precedes the close frame that follows it. Nothing here waits.
 */
final class SocketChannel implements ViewerChannel {
    /** Close reasons are limited to 123 bytes by RFC 6455. */
    private static final int MAX_REASON_BYTES = 123;

    private final WebSocketChannel socket;

    SocketChannel(WebSocketChannel socket) {
        this.socket = socket;
    }

    void send(Object message) {
        sendText(Json.write(message));
    }

    /** A message already written as JSON (a broadcast writes it once for every socket). */
    void sendText(String text) {
        onIoThread(() -> {
            if (socket.isOpen()) {
                WebSockets.sendText(text, socket, null);
            }
        });
    }

    @Override
    public void candidate(String candidate, String sdpMid, int sdpMLineIndex) {
        send(new Outgoing.Candidate(candidate, sdpMid, sdpMLineIndex));
    }

    @Override
    public void restartIce() {
        send(new Outgoing.Restart());
    }

    @Override
    public void error(String code, String message) {
        send(new Outgoing.Error(code, message));
    }

    @Override
    public void watching(WatchRef watched, String reason) {
        send(Outgoing.Watch.of(watched, reason));
    }

    @Override
    public void camera(CameraPose pose) {
        send(Outgoing.Camera.of(pose));
    }

    @Override
    public void close(String reason, boolean reconnect) {
        send(new Outgoing.Bye(reason, reconnect));
        closeWith(CloseMessage.NORMAL_CLOSURE, reason);
    }

    /** Sends a close frame with {@code code} and a reason cut to what the protocol allows. */
    void closeWith(int code, String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        String shortReason = bytes.length <= MAX_REASON_BYTES ? reason
                : new String(bytes, 0, MAX_REASON_BYTES - 3, StandardCharsets.UTF_8).replaceAll("\\uFFFD$", "") + "...";
        onIoThread(() -> {
            if (socket.isOpen()) {
                WebSockets.sendClose(new CloseMessage(code, shortReason), socket, null);
            }
        });
    }

    private void onIoThread(Runnable write) {
        XnioIoThread io = socket.getIoThread();
        if (Thread.currentThread() == io) {
            write.run();
        } else {
            try {
                io.execute(write);
            } catch (RejectedExecutionException stopping) {
                // The server is stopping and its IO threads with it: the socket closes anyway, nothing to write.
            }
        }
    }

    boolean isOpen() {
        return socket.isOpen();
    }
}
