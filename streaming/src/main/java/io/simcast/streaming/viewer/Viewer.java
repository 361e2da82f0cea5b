package io.simcast.streaming.viewer;

import io.simcast.streaming.ViewMode;
import io.simcast.streaming.WatchRef;
import io.simcast.streaming.access.Grant;
import io.simcast.streaming.input.InputMailbox;
import io.simcast.streaming.input.ViewerInput;
import io.simcast.streaming.webrtc.PeerState;
import io.simcast.streaming.webrtc.PeerStats;
import io.simcast.streaming.webrtc.SerialQueue;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One admitted viewer: who it is (its grant: role and share link), its channel back, its serial queue, what it
 * watches, its input and how it behaves, and what is known about its connection.
 *
 * <p>Each piece of mutable state has one writer and is published as one immutable value: what it watches
 * ({@link MediaState}: session, feed, mode, RL copy, steering) is replaced only on the viewer's own queue
 * ({@link #queue}, see {@link Connections}); its connection's health only on {@code simcast-viewer-monitor}
 * ({@link ViewerMonitor}); its page's report only on its socket's IO thread. Its input state lives on
 * {@code simcast-input}, its message budget ({@link Conduct}) behind its own lock, and closing is one compare-and-set.
 * Readers on any thread get consistent snapshots.
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
    private final SerialQueue queue;
    private final ViewerInput input;
    private volatile MediaState media;
    private volatile ConnectionHealth health = ConnectionHealth.NEW;
    private volatile ClientReport report = ClientReport.NONE;

    /**
     * @param address where it connects from ({@code ClientAddress}), for the cap on viewers per address
     * @param input makes the viewer's input handler (which claims views through its queue)
     */
    Viewer(String id, Door door, ViewMode mode, ViewerChannel channel, Grant grant, String address,
           Function<Viewer, ViewerInput> input) {
        this.id = id;
        this.door = door;
        this.channel = channel;
        this.grant = grant;
        this.address = address;
        this.media = new MediaState.Offline(mode);
        this.queue = SerialQueue.named("simcast-viewer-" + id);
        this.input = input.apply(this);
    }

    public String id() {
        return id;
    }

    public Door door() {
        return door;
    }

    /** The view it asked for (own or host), also while it watches an RL copy. */
    public ViewMode mode() {
        return media.mode();
    }

    public ViewerChannel channel() {
        return channel;
    }

    /** Who this viewer is: its role and the share link it came through. */
    public Grant grant() {
        return grant;
    }

    /** The RL environment copy or sandbox this viewer watches, if it watches one rather than the simulation. */
    public Optional<WatchRef> watched() {
        return media.watched();
    }

    public PeerState state() {
        return health.state();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Takes what the viewer's page measured. Its socket's IO thread. */
    public void report(ClientReport clientReport) {
        this.report = clientReport;
    }

    ViewerInput input() {
        return input;
    }

    InputMailbox mailbox() {
        return mailbox;
    }

    Conduct conduct() {
        return conduct;
    }

    /** The queue every operation on this viewer's connection and media state runs on, one at a time. */
    SerialQueue queue() {
        return queue;
    }

    MediaState media() {
        return media;
    }

    /** Publishes what the viewer watches now. Its queue only. */
    void media(MediaState next) {
        media = next;
    }

    ConnectionHealth health() {
        return health;
    }

    /** Publishes its connection's health. The monitor thread only. */
    void health(ConnectionHealth next) {
        health = next;
    }

    /** Marks the viewer closed; true for the one caller that gets to tear it down. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** Where it connects from. */
    String address() {
        return address;
    }

    long admittedFor(long now) {
        return now - admittedNanos;
    }

    public ViewerStats stats() {
        ConnectionHealth connection = health;
        MediaState watched = media;
        PeerStats peer = connection.stats();
        ClientReport client = report;
        return new ViewerStats(id, door.wireName(), watched.mode().wireName(),
                watched.watched().map(WatchRef::toString).orElse(WatchRef.SIMULATION), since.toString(),
                watched instanceof MediaState.Audience ? AUDIENCE_STATE : connection.state().wireName(),
                peer.codec(), peer.encoder(), round(connection.fpsSent()),
                round(client.framesPerSecond()), client.framesDropped(), round(connection.bitrateKbps()),
                round(peer.roundTripMs()), peer.packetsLost(), peer.fractionLost(), peer.qualityLimitation(),
                round(client.latencyMs()));
    }

    /** The state a viewer playing the broadcast from the SFU shows in statistics. */
    static final String AUDIENCE_STATE = "sfu";

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
