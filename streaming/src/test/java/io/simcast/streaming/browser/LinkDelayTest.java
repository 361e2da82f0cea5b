package io.simcast.streaming.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.testkit.LinkImpairment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The user-space delay line that {@code simcast bench network} puts on the media path (NFQUEUE, for kernels without
 * netem): UDP datagrams to the namespace's media address, the way RTP travels, all arrive, and none sooner than the
 * delay less the jitter (a lower bound a slow machine cannot break: load only adds). Once cleared, the link passes
 * packets again with nothing held.
 */
@Tag("e2e")
class LinkDelayTest {
    private static final int DELAY_MILLIS = 100;
    private static final int JITTER_MILLIS = 20;
    private static final int PACKETS = 50;

    @Test
    void everyPacketArrivesNoSoonerThanTheDelayAllows() throws Exception {
        InetAddress media = InetAddress.getByName("10.99.0.1");
        try (LinkImpairment link = LinkImpairment.install();
             DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(media, 0));
             DatagramSocket sender = new DatagramSocket(new InetSocketAddress(media, 0))) {
            receiver.setSoTimeout(30_000); // a hang guard only
            link.delay(DELAY_MILLIS, JITTER_MILLIS);
            Set<Integer> arrived = new HashSet<>();
            long soonest = Long.MAX_VALUE;
            for (int i = 0; i < PACKETS; i++) {
                byte[] stamp = ByteBuffer.allocate(12).putInt(i).putLong(System.nanoTime()).array();
                sender.send(new DatagramPacket(stamp, stamp.length, receiver.getLocalSocketAddress()));
            }
            for (int i = 0; i < PACKETS; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[12], 12);
                receiver.receive(packet);
                ByteBuffer stamp = ByteBuffer.wrap(packet.getData());
                arrived.add(stamp.getInt());
                soonest = Math.min(soonest, (System.nanoTime() - stamp.getLong()) / 1_000_000);
            }
            assertThat(arrived).as("every datagram got through").hasSize(PACKETS);
            assertThat(link.delayed()).as("the delay line held them").isGreaterThanOrEqualTo(PACKETS);
            assertThat(soonest).as("the earliest arrival, ms").isGreaterThanOrEqualTo(DELAY_MILLIS - JITTER_MILLIS);

            link.clear();
            byte[] again = {1};
            sender.send(new DatagramPacket(again, 1, receiver.getLocalSocketAddress()));
            receiver.receive(new DatagramPacket(new byte[1], 1));
            assertThat(link.delayed()).as("nothing held once cleared").isZero();
        }
    }
}
