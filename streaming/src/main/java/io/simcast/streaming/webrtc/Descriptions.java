package io.simcast.streaming.webrtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;

/**
 * libwebrtc's session-description steps (create an offer or answer, set a local or remote description) as futures.
 * A step libwebrtc refuses completes with an IllegalArgumentException carrying its text. Call on the thread that
 * owns the connection; the futures complete on libwebrtc's signalling thread.
 */
public final class Descriptions {
    private Descriptions() {}

    /** Sets {@code description} as the connection's local or remote description. */
    public static CompletableFuture<Void> set(RTCPeerConnection connection, RTCSessionDescription description,
                                              boolean local) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SetSessionDescriptionObserver observer = new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalArgumentException(error));
            }
        };
        try {
            if (local) {
                connection.setLocalDescription(description, observer);
            } else {
                connection.setRemoteDescription(description, observer);
            }
        } catch (Error e) {
            // webrtc-java reports SDP that libwebrtc cannot parse by throwing Error from the call ("Create session
            // description failed: Expects m line. [c=IN ...]"): a bad offer, not a broken JVM.
            done.completeExceptionally(new IllegalArgumentException(e.getMessage()));
        }
        return done;
    }

    /** The connection's answer to the remote offer it holds. */
    public static CompletableFuture<RTCSessionDescription> answer(RTCPeerConnection connection) {
        CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();
        connection.createAnswer(new RTCAnswerOptions(), created(done));
        return done;
    }

    /** An offer for the connection's transceivers. */
    public static CompletableFuture<RTCSessionDescription> offer(RTCPeerConnection connection) {
        CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();
        connection.createOffer(new RTCOfferOptions(), created(done));
        return done;
    }

    private static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> done) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                done.complete(description);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalArgumentException(error));
            }
        };
    }
}
