package io.simcast.streaming.viewer;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.ViewMode;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.input.ViewerInput;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The admitted viewers, at most {@code limit} at once, and at most each share link's own limit per link. Ids are 64
 * random bits: a WHEP session URL names its session, so it must not be guessable. Thread-safe; admission is atomic.
 */
public final class ViewerRegistry {
    private final int limit;
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public ViewerRegistry(int limit) {
        this.limit = limit;
    }

    /**
     * Admits a viewer, or refuses it when {@code limit} viewers are in, or {@code linkLimit} came through its link.
     *
     * @param linkLimit viewers its share link admits at once (ignored for the operator)
     * @param input makes the viewer's input handler
     */
    public synchronized Viewer admit(Door door, ViewMode mode, ViewerChannel channel, Grant grant, int linkLimit,
                                     Function<Viewer, ViewerInput> input) throws ViewerRefusedException {
        if (viewers.size() >= limit) {
            throw new ViewerRefusedException("viewer_limit", StreamingMessages.viewerLimit(limit));
        }
        if (grant.linkId() != null && countFor(grant.linkId()) >= linkLimit) {
            throw new ViewerRefusedException("link_limit", StreamingMessages.linkViewerLimit(linkLimit));
        }
        String id;
        do {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (viewers.containsKey(id));
        Viewer viewer = new Viewer(id, door, mode, channel, grant, input);
        viewers.put(id, viewer);
        return viewer;
    }

    public boolean remove(Viewer viewer) {
        return viewers.remove(viewer.id(), viewer);
    }

    public Optional<Viewer> find(String id) {
        return Optional.ofNullable(viewers.get(id));
    }

    public List<Viewer> all() {
        return List.copyOf(viewers.values());
    }

    public int count() {
        return viewers.size();
    }

    /** Viewers that came through the share link {@code linkId}. */
    public int countFor(String linkId) {
        return (int) viewers.values().stream().filter(v -> linkId.equals(v.grant().linkId())).count();
    }

    public int limit() {
        return limit;
    }
}
