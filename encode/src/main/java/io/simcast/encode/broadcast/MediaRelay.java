package io.simcast.encode.broadcast;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the datagrams of one WHIP session between FFmpeg's muxer (on 127.0.0.1) and the SFU, unchanged, and
 * tells {@code onKeyframeRequest} when the SFU asks for a key frame (RTCP PLI or FIR, see {@link KeyframeRequests}):
 * the muxer reads those requests but keeps them to itself. It also notices first when the SFU is gone (its port
 * answers ICMP unreachable). Its thread, {@code simcast-broadcast-relay}, owns both sockets and never blocks on
 * anything but them; {@code onKeyframeRequest} must not block either. {@link #sfuGone()} and {@link #close()} from
 * any thread.
 */
final class MediaRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaRelay.class);
    private static final int LARGEST_DATAGRAM = 65_536;

    private final DatagramChannel muxerSide;
    private final DatagramChannel sfuSide;
    private final Selector selector;
    private final Runnable onKeyframeRequest;
    private final Thread thread;
    private final AtomicLong keyframeRequests = new AtomicLong();
    private volatile boolean gone;
    private volatile boolean closing;

    private MediaRelay(DatagramChannel muxerSide, DatagramChannel sfuSide, Selector selector,
                       Runnable onKeyframeRequest) {
        this.muxerSide = muxerSide;
        this.sfuSide = sfuSide;
        this.selector = selector;
        this.onKeyframeRequest = onKeyframeRequest;
        this.thread = new Thread(this::run, "simcast-broadcast-relay");
        this.thread.setDaemon(true);
    }

    /** Starts relaying between a fresh port on 127.0.0.1 ({@link #muxerAddress()}) and the SFU's {@code media}. */
    static MediaRelay start(InetSocketAddress media, Runnable onKeyframeRequest) throws IOException {
        InetSocketAddress sfu = new InetSocketAddress(InetAddress.getByName(media.getHostString()), media.getPort());
        DatagramChannel muxerSide = DatagramChannel.open();
        DatagramChannel sfuSide = DatagramChannel.open();
        Selector selector = Selector.open();
        try {
            muxerSide.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            sfuSide.connect(sfu); // a connected socket hears the SFU's ICMP "port unreachable"
            muxerSide.configureBlocking(false).register(selector, SelectionKey.OP_READ);
            sfuSide.configureBlocking(false).register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            selector.close();
            muxerSide.close();
            sfuSide.close();
            throw e;
        }
        MediaRelay relay = new MediaRelay(muxerSide, sfuSide, selector, onKeyframeRequest);
        relay.thread.start();
        return relay;
    }

    /** Where the muxer sends its media. */
    InetSocketAddress muxerAddress() throws IOException {
        return (InetSocketAddress) muxerSide.getLocalAddress();
    }

    /** Whether the SFU stopped listening (its port answered ICMP unreachable). */
    boolean sfuGone() {
        return gone;
    }

    /** Key frame requests seen from the SFU. */
    long keyframeRequests() {
        return keyframeRequests.get();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(LARGEST_DATAGRAM);
        SocketAddress muxer = null;
        try {
            while (!closing) {
                selector.select();
                selector.selectedKeys().clear();
                // From the muxer: STUN, DTLS, SRTP, SRTCP on to the SFU.
                SocketAddress from;
                while ((from = receive(muxerSide, buffer)) != null) {
                    muxer = from;
                    forward(buffer);
                }
                // From the SFU: back to the muxer, watching for key frame requests.
                while (sfuSide.isOpen() && read(buffer)) {
                    if (KeyframeRequests.asksForKeyframe(buffer.array(), buffer.limit())) {
                        keyframeRequests.incrementAndGet();
                        onKeyframeRequest.run();
                    }
                    if (muxer != null) {
                        muxerSide.send(buffer, muxer);
                    }
                }
            }
        } catch (IOException e) {
            if (!closing) {
                log.warn("The broadcast's media relay stopped: {}", e.toString());
                gone = true;
            }
        }
    }

    private static SocketAddress receive(DatagramChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        SocketAddress from = channel.receive(buffer);
        buffer.flip();
        return from;
    }

    private void forward(ByteBuffer datagram) throws IOException {
        try {
            sfuSide.write(datagram);
        } catch (PortUnreachableException e) {
            gone = true;
        }
    }

    /** Reads one datagram from the SFU; false when none is waiting (or the SFU is gone). */
    private boolean read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        try {
            int length = sfuSide.read(buffer);
            buffer.flip();
            return length > 0;
        } catch (PortUnreachableException e) {
            gone = true;
            buffer.clear().flip();
            return false;
        }
    }

    /** Stops the thread and closes both sockets. Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
            muxerSide.close();
            sfuSide.close();
        } catch (IOException e) {
            log.debug("Closing the media relay: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
