package io.simcast.streaming.viewer;

import io.simcast.streaming.ViewMode;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.input.InputMailbox;
import io.simcast.streaming.input.Steering;
import io.simcast.streaming.input.ViewerInput;
import io.simcast.streaming.media.Feed;
import io.simcast.streaming.rl.CopyRef;
import io.simcast.streaming.webrtc.PeerSession;
import io.simcast.streaming.webrtc.PeerState;
import io.simcast.streaming.webrtc.PeerStats;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted viewer: who it is (its grant: role and share link), its channel back, its peer session and the feed it
 * watches, its input and how it behaves, and what is known about its connection.
 *
 * <p>The session and the feed belong to the engine thread ({@link Viewers} touches them only there); the fields
 * other threads read (mode, the view it steers, state, statistics) are volatile snapshots. The steering is set on
 * the input thread when the viewer claims a view of its own, and cleared on the engine thread.
 */
public final class Viewer {
    private final String id;
    private final Door door;
    private final Instant since = Instant.now();
    private final long admittedNanos = System.nanoTime();
    private final ViewerChannel channel;
    private final Grant grant;
    private final String address;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InputMailbox mailbox = new InputMailbox();
    private final Conduct conduct = new Conduct(System.nanoTime());
    private volatile long lastDropReportNanos;
    private ViewerInput input;

    // Engine thread only.
    private PeerSession session;
    private Feed feed;

    private volatile ViewMode mode;
    private volatile CopyRef source;
    private volatile Steering steering;
    private volatile boolean watching;
    /** Plays the host's broadcast from the SFU instead of a connection of its own. */
    private volatile boolean audience;
    private volatile PeerState state = PeerState.NEW;
    private volatile boolean everConnected;
    private volatile boolean offered;
    private volatile boolean silent;
    private volatile long lastInboundNanos;
    private volatile long troubleSinceNanos = -1;
    private volatile PeerStats lastStats = PeerStats.NONE;
    private volatile long lastStatsNanos;
    private volatile double bitrateKbps;
    private volatile double fpsSent;
    private volatile ClientReport report = ClientReport.NONE;

    Viewer(String id, Door door, ViewMode mode, ViewerChannel channel, Grant grant, String address) {
        this.id = id;
        this.door = door;
        this.mode = mode;
        this.channel = channel;
        this.grant = grant;
        this.address = address;
    }

    /** The address it connected from ({@code ClientAddress}), for the cap on viewers per address. */
    String address() {
        return address;
    }

    public String id() {
        return id;
    }

    public Door door() {
        return door;
    }

    public ViewMode mode() {
        return mode;
    }

    public ViewerChannel channel() {
        return channel;
    }

    public ViewerInput input() {
        return input;
    }

    /** Who this viewer is: its role and the share link it came through. */
    public Grant grant() {
        return grant;
    }

    InputMailbox mailbox() {
        return mailbox;
    }

    Conduct conduct() {
        return conduct;
    }

    /** Whether to tell the viewer about dropped input now: once a second at most, so drops do not flood it back. */
    boolean reportDropNow(long now) {
        if (now - lastDropReportNanos < 1_000_000_000L) {
            return false;
        }
        lastDropReportNanos = now;
        return true;
    }

    public PeerState state() {
        return state;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** The RL environment copy this viewer watches, or null while it watches the simulation. */
    public CopyRef source() {
        return source;
    }

    /** The view of its own this viewer steers, or null (it watches a shared view). */
    public Steering steering() {
        return steering;
    }

    /** Whether the viewer plays the broadcast from the SFU (it has no connection to this host's video). */
    public boolean audience() {
        return audience;
    }

    void audience(boolean value) {
        audience = value;
    }

    /** Whether the viewer is connected to a feed. */
    public boolean watching() {
        return watching;
    }

    void steering(Steering next) {
        steering = next;
    }

    /** Takes what the viewer's page measured. Any thread. */
    public void report(ClientReport clientReport) {
        this.report = clientReport;
    }

    void input(ViewerInput viewerInput) {
        this.input = viewerInput;
    }

    // ---- engine thread ----------------------------------------------------------------------------------------

    PeerSession session() {
        return session;
    }

    Feed feed() {
        return feed;
    }

    void attach(PeerSession peerSession) {
        this.session = peerSession;
    }

    /** What the viewer now watches: {@code watched} in {@code watchedMode}, showing {@code copy} (null: the simulation). */
    void watch(Feed watched, ViewMode watchedMode, CopyRef copy) {
        this.feed = watched;
        this.mode = watchedMode;
        this.source = copy;
        this.watching = watched != null;
    }

    // ---- monitor and callbacks ----------------------------------------------------------------------------------

    /** Marks the viewer closed; true for the one caller that gets to tear it down. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    void state(PeerState next, long now) {
        state = next;
        everConnected |= next == PeerState.CONNECTED;
        updateTrouble(now);
    }

    private synchronized void updateTrouble(long now) {
        boolean trouble = silent || state == PeerState.DISCONNECTED
                || state == PeerState.FAILED;
        troubleSinceNanos = trouble ? (troubleSinceNanos < 0 ? now : troubleSinceNanos) : -1;
    }

    /** Nanos since the viewer went silent, disconnected or failed, or -1 while it is fine. */
    long troubleFor(long now) {
        long since = troubleSinceNanos;
        return since < 0 ? -1 : now - since;
    }

    boolean everConnected() {
        return everConnected;
    }

    /** Whether it ever sent an offer (a socket that never does frees its place sooner). */
    boolean offered() {
        return offered;
    }

    void markOffered() {
        offered = true;
    }

    long admittedFor(long now) {
        return now - admittedNanos;
    }

    /**
     * Folds in a new stats sample, deriving rates from the previous one, and notes when the viewer last sent
     * anything. A receiving browser sends RTCP and congestion feedback several times a second, so silence means it
     * is gone; libwebrtc itself takes five seconds to call the connection disconnected. Monitor thread.
     */
    void sample(PeerStats stats, long now, long silenceNanos) {
        PeerStats previous = lastStats;
        if (stats.bytesReceived() != previous.bytesReceived() || lastInboundNanos == 0) {
            lastInboundNanos = now;
        }
        boolean quiet = now - lastInboundNanos > silenceNanos;
        if (quiet != silent) {
            silent = quiet;
            updateTrouble(now);
        }
        double seconds = (now - lastStatsNanos) * 1e-9;
        if (lastStatsNanos > 0 && seconds > 0.2 && stats.bytesSent() >= previous.bytesSent()) {
            bitrateKbps = (stats.bytesSent() - previous.bytesSent()) * 8 / 1000.0 / seconds;
            fpsSent = (stats.framesSent() - previous.framesSent()) / seconds;
        }
        lastStats = stats;
        lastStatsNanos = now;
    }

    public ViewerStats stats() {
        PeerStats peer = lastStats;
        ClientReport client = report;
        CopyRef copy = source;
        return new ViewerStats(id, door.wireName(), mode.wireName(), copy == null ? CopyRef.SIMULATION : copy.toString(),
                since.toString(), audience ? AUDIENCE_STATE : state.wireName(),
                peer.codec(), peer.encoder(), round(fpsSent), round(client.framesPerSecond()), client.framesDropped(),
                round(bitrateKbps), round(peer.roundTripMs()), peer.packetsLost(), peer.fractionLost(),
                peer.qualityLimitation(), round(client.latencyMs()));
    }

    /** The state a viewer playing the broadcast from the SFU shows in statistics. */
    static final String AUDIENCE_STATE = "sfu";

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
