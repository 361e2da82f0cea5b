package io.simcast.streaming.signaling;

import io.simcast.streaming.IceServer;
import io.simcast.streaming.IceServers;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.access.ClientAddress;
import io.simcast.streaming.access.Gatekeeper;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.Role;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.JsonHandler.Reply;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.viewer.Door;
import io.simcast.streaming.viewer.Viewer;
import io.simcast.streaming.viewer.ViewerChannel;
import io.simcast.streaming.viewer.ViewerRefusedException;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WHEP, the egress twin of WHIP (RFC 9725): {@code POST /whep} with an SDP offer creates a viewer session and
 * answers 201 with the SDP answer (every host candidate gathered in), a {@code Location} for the session and the
 * ICE servers as {@code Link} headers; {@code PATCH} on the session trickles candidates
 * ({@code application/trickle-ice-sdpfrag}); {@code DELETE} ends it. Any WHEP player can watch, with a share link's
 * token as its bearer token (RFC 9725 section 4.5); a session may be changed only with the token that made it (or the
 * operator's).
 *
 * <p>Routes run on Undertow worker threads; they wait for the viewer's serial queue, never longer than a few seconds.
 */
public final class WhepResource {
    public static final String PATH = "/whep";
    private static final long ANSWER_SECONDS = 15;

    private final Viewers viewers;
    private final IceServers iceServers;
    private final ViewMode defaultMode;

    public WhepResource(Viewers viewers, IceServers iceServers, ViewMode defaultMode) {
        this.viewers = viewers;
        this.iceServers = iceServers;
        this.defaultMode = defaultMode;
    }

    /** {@code POST /whep}. */
    public Object offer(HttpServerExchange exchange) throws Exception {
        RequestBody body = RequestBody.read(exchange, SdpOffer.MAX_BYTES);
        if (!body.mediaType().equals("application/sdp")) {
            throw new ApiException(415, StreamingMessages.whepNeedsSdp(body.mediaType()));
        }
        String offer = check(body.text());
        ViewMode mode = mode(exchange);
        Viewer viewer;
        try {
            viewer = viewers.admit(Door.WHEP, mode, ViewerChannel.NONE, exchange.getAttachment(Gatekeeper.GRANT),
                    ClientAddress.of(exchange));
        } catch (ViewerRefusedException e) {
            throw new ApiException(503, e.getMessage(), Map.of("reason", e.reason()));
        }
        String answer;
        try {
            answer = viewers.connect(viewer, offer, true).get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            viewers.close(viewer, null);
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw ApiException.badRequest(StreamingMessages.offerRefused(refused.getMessage()));
            }
            throw e;
        } catch (TimeoutException e) {
            viewers.close(viewer, null);
            throw new ApiException(503, StreamingMessages.webRtcTimeout("answer the offer"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", PATH + "/" + viewer.id());
        String links = links(viewer);
        if (!links.isEmpty()) {
            headers.put("Link", links);
        }
        return new Reply(201, answer, "application/sdp", headers);
    }

    /** {@code PATCH /whep/{id}}: trickled candidates. */
    public Object patch(HttpServerExchange exchange) throws Exception {
        Viewer viewer = session(exchange);
        RequestBody body = RequestBody.read(exchange, SdpOffer.MAX_BYTES);
        if (!body.mediaType().equals("application/trickle-ice-sdpfrag")) {
            throw new ApiException(415, StreamingMessages.whepNeedsSdpFragment(body.mediaType()));
        }
        String mid = "0";
        for (String line : body.text().split("\\r?\\n")) {
            if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length()).strip();
            } else if (line.startsWith("a=candidate:")) {
                viewers.addCandidate(viewer, line.substring(2).strip(), mid, 0);
            }
        }
        return new Reply(204, null, "", Map.of());
    }

    /** {@code DELETE /whep/{id}}. */
    public Object delete(HttpServerExchange exchange) throws Exception {
        Viewer viewer = session(exchange);
        viewers.close(viewer, StreamingMessages.whepDeleted()).get(5, TimeUnit.SECONDS);
        return new Reply(200, null, "", Map.of());
    }

    /** {@code OPTIONS /whep}: what a browser asks before a cross-origin POST. */
    public Object options(HttpServerExchange exchange) {
        return new Reply(204, null, "", Map.of("Accept-Post", "application/sdp"));
    }

    /** The caller's session: another link's session is answered as if it did not exist. */
    private Viewer session(HttpServerExchange exchange) {
        Deque<String> id = exchange.getQueryParameters().get("id");
        String key = id == null ? "" : id.getFirst();
        Grant caller = exchange.getAttachment(Gatekeeper.GRANT);
        return viewers.all().stream().filter(v -> v.id().equals(key) && v.door() == Door.WHEP)
                .filter(v -> caller.role() == Role.OPERATOR || Objects.equals(caller.linkId(), v.grant().linkId()))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound(StreamingMessages.noWhepSession(key)));
    }

    private ViewMode mode(HttpServerExchange exchange) {
        Deque<String> view = exchange.getQueryParameters().get("view");
        try {
            return view == null ? defaultMode : ViewMode.parse(view.getFirst());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String check(String offer) {
        try {
            return SdpOffer.check(offer);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** RFC 9725 section 4.6: ICE servers as Link headers, credentials for TURN (the viewer's own when minted). */
    private String links(Viewer viewer) {
        List<String> links = new ArrayList<>();
        for (IceServer server : iceServers.forPeer(viewer.id())) {
            StringBuilder link = new StringBuilder("<").append(server.url()).append(">; rel=\"ice-server\"");
            if (server.isTurn() && server.hasCredential()) {
                link.append("; username=\"").append(server.username()).append("\"; credential=\"")
                        .append(server.credential()).append("\"; credential-type=\"password\"");
            }
            links.add(link.toString());
        }
        return String.join(", ", links);
    }
}
