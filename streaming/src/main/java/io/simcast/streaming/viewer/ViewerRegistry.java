package io.simcast.streaming.viewer;

import io.simcast.streaming.Role;
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
 * The admitted viewers, at most {@code limit} at once, and at most each share link's own limit per link, so that no
 * link can lock others out: viewer links cannot take the last {@value #KEPT_FOR_CONTROL} place (kept for the operator
 * and controllers), and link holders from one address hold at most {@code perAddress} places. Ids are 64 random bits:
 * a WHEP session URL names its session, so it must not be guessable. Thread-safe; admission is atomic.
 */
public final class ViewerRegistry {
    /** Places viewer links cannot take: the operator's page, or a controller, always gets in. */
    public static final int KEPT_FOR_CONTROL = 1;
    private final int limit;
    private final int perAddress;
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Link holders from one address at once, for a host serving {@code limit}: half of it, at least one. */
    public static int perAddressFor(int limit) {
        return Math.max(1, limit / 2);
    }

    public ViewerRegistry(int limit) {
        this(limit, perAddressFor(limit));
    }

    public ViewerRegistry(int limit, int perAddress) {
        this.limit = limit;
        this.perAddress = perAddress;
    }

    /**
     * Admits a viewer, or refuses it when {@code limit} viewers are in, or {@code linkLimit} came through its link.
     *
     * @param linkLimit viewers its share link admits at once (ignored for the operator)
     * @param address where it connects from ({@code ClientAddress})
     * @param input makes the viewer's input handler
     */
    public synchronized Viewer admit(Door door, ViewMode mode, ViewerChannel channel, Grant grant, int linkLimit,
                                     String address, Function<Viewer, ViewerInput> input)
            throws ViewerRefusedException {
        if (viewers.size() >= limit) {
            throw new ViewerRefusedException("viewer_limit", StreamingMessages.viewerLimit(limit));
        }
        boolean operator = grant.role() == Role.OPERATOR;
        if (grant.role() == Role.VIEWER && limit > KEPT_FOR_CONTROL && viewers.size() >= limit - KEPT_FOR_CONTROL) {
            throw new ViewerRefusedException("viewer_limit", StreamingMessages.viewerLimit(limit - KEPT_FOR_CONTROL));
        }
        if (grant.linkId() != null && !operator && countFor(grant.linkId()) >= linkLimit) {
            throw new ViewerRefusedException("link_limit", StreamingMessages.linkViewerLimit(linkLimit));
        }
        if (!operator && countFrom(address) >= perAddress) {
            throw new ViewerRefusedException("address_limit", StreamingMessages.addressViewerLimit(perAddress));
        }
        String id;
        do {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (viewers.containsKey(id));
        Viewer viewer = new Viewer(id, door, mode, channel, grant, address, input);
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

    /** Link holders admitted from {@code address}. */
    private int countFrom(String address) {
        return (int) viewers.values().stream()
                .filter(v -> v.grant().role() != Role.OPERATOR && address.equals(v.address())).count();
    }

    public int limit() {
        return limit;
    }
}
