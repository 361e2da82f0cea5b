package io.simcast.streaming.viewer;

import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.ViewMode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admitted viewers, at most {@code limit} at once. Ids are 64 random bits: a WHEP session URL is the only key
 * to end that session, so it must not be guessable. Thread-safe; admission is atomic.
 */
public final class ViewerRegistry {
    private final int limit;
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public ViewerRegistry(int limit) {
        this.limit = limit;
    }

    /** Admits a viewer, or refuses it when {@code limit} viewers are in. */
    public synchronized Viewer admit(Door door, ViewMode mode, ViewerChannel channel) throws ViewerRefusedException {
        if (viewers.size() >= limit) {
            throw new ViewerRefusedException("viewer_limit", StreamingMessages.viewerLimit(limit));
        }
        String id;
        do {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (viewers.containsKey(id));
        Viewer viewer = new Viewer(id, door, mode, channel);
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

    public int limit() {
        return limit;
    }
}
