package io.simcast.testkit;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user-space delay line for the kernels without netem: iptables hands each packet to an NFQUEUE, this class
 * receives its id over netlink (the packet itself stays in the kernel) and gives the verdict ACCEPT only once the
 * packet's delay, {@code delay} give or take a uniform {@code jitter} (netem's default distribution, so packets may be
 * reordered as with netem), has passed. Netlink is spoken directly through {@code java.lang.foreign} calls into libc
 * (socket, bind, send, recv), as libnetfilter_queue would: no native library beyond libc is needed.
 *
 * <p>Two threads own it: {@code simcast-link-delay-in} receives the queued packets and schedules them,
 * {@code simcast-link-delay-out} gives the verdicts when they are due. Both ask for real-time scheduling (SCHED_FIFO;
 * they use next to no CPU), so a loaded machine delays the measured system, not the delay line. {@link #close} releases whatever is still held
 * and stops both. The queue is bound fail-open (a full queue lets packets through rather than dropping them), and the
 * iptables rule that feeds it should say {@code --queue-bypass}, so packets pass when no one listens.
 */
final class PacketDelay implements AutoCloseable {
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int NETLINK_NETFILTER = 12;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int EAGAIN = 11;
    private static final int ENOBUFS = 105;
    private static final int AF_INET = 2;
    private static final int SCHED_FIFO = 1;
    // <linux/netfilter/nfnetlink_queue.h>
    private static final int NFQ_SUBSYSTEM = 3 << 8;
    private static final int NFQNL_MSG_PACKET = 0;
    private static final int NFQNL_MSG_VERDICT = 1;
    private static final int NFQNL_MSG_CONFIG = 2;
    private static final int NFQA_PACKET_HDR = 1;
    private static final int NFQA_VERDICT_HDR = 2;
    private static final int NFQA_CFG_CMD = 1;
    private static final int NFQA_CFG_PARAMS = 2;
    private static final int NFQA_CFG_QUEUE_MAXLEN = 3;
    private static final int NFQA_CFG_MASK = 4;
    private static final int NFQA_CFG_FLAGS = 5;
    private static final int NFQNL_CFG_CMD_BIND = 1;
    private static final int NFQNL_CFG_CMD_UNBIND = 2;
    private static final int NFQNL_COPY_META = 1;
    private static final int NFQA_CFG_F_FAIL_OPEN = 1;
    private static final int NF_ACCEPT = 1;
    private static final int NLMSG_ERROR = 2;
    private static final short NLM_F_REQUEST = 1;
    private static final short NLM_F_ACK = 4;
    private static final int NLMSG_HEADER = 16;
    private static final int NFGEN_HEADER = 4;
    /** Packets the kernel may hold for us: a second of 100 Mbit/s in full-size packets, far above video. */
    private static final int QUEUE_LENGTH = 8192;

    private static final Libc LIBC = new Libc();

    private final int socket;
    private final int queue;
    private final long delayNanos;
    private final long jitterNanos;
    private final DelayQueue<Held> held = new DelayQueue<>();
    private final AtomicLong delayed = new AtomicLong();
    /** How late verdicts went out (the out thread writes, others read): the delay line's own error. */
    private volatile long lateNanosTotal;
    private volatile long lateNanosMost;
    private volatile long released;
    private final Thread in;
    private final Thread out;
    private volatile boolean closed;

    private record Held(int packet, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Held) other).dueNanos);
        }
    }

    private PacketDelay(int socket, int queue, long delayNanos, long jitterNanos) {
        this.socket = socket;
        this.queue = queue;
        this.delayNanos = delayNanos;
        this.jitterNanos = jitterNanos;
        this.in = Thread.ofPlatform().name("simcast-link-delay-in").daemon().unstarted(() -> {
            LIBC.realTime();
            receive();
        });
        this.out = Thread.ofPlatform().name("simcast-link-delay-out").daemon().unstarted(() -> {
            LIBC.realTime();
            release();
        });
    }

    /**
     * Binds NFQUEUE {@code queue} and starts delaying what it receives.
     *
     * @throws IOException when the kernel has no NFQUEUE (nfnetlink_queue) or the caller is not root
     */
    static PacketDelay start(int queue, int delayMillis, int jitterMillis) throws IOException {
        int socket = LIBC.socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER);
        PacketDelay delay = new PacketDelay(socket, queue, TimeUnit.MILLISECONDS.toNanos(delayMillis),
                TimeUnit.MILLISECONDS.toNanos(jitterMillis));
        try {
            LIBC.bindNetlink(socket);
            LIBC.setIntOption(socket, SO_RCVBUFFORCE, 8 << 20);
            LIBC.setReceiveTimeout(socket, 200);
            delay.configure(NFQA_CFG_CMD, ByteBuffer.allocate(4).put((byte) NFQNL_CFG_CMD_BIND).put((byte) 0)
                    .putShort((short) AF_INET).array());
            delay.configure(NFQA_CFG_PARAMS, ByteBuffer.allocate(5).putInt(0xffff).put((byte) NFQNL_COPY_META)
                    .array());
            delay.configure(NFQA_CFG_QUEUE_MAXLEN, ByteBuffer.allocate(4).putInt(QUEUE_LENGTH).array());
            delay.configureFlags();
        } catch (IOException | RuntimeException e) {
            LIBC.close(socket);
            throw new IOException("NFQUEUE " + queue + " could not be bound for the link's delay (needs root and"
                    + " the kernel's nfnetlink_queue): " + e.getMessage(), e);
        }
        delay.in.start();
        delay.out.start();
        return delay;
    }

    /** Packets delayed so far. */
    long delayed() {
        return delayed.get();
    }

    /** What the delay line did so far, with how late it let packets go (scheduling on a busy machine). */
    LinkImpairment.DelayLine report() {
        long count = released;
        return new LinkImpairment.DelayLine(delayed.get(), count == 0 ? 0 : lateNanosTotal / 1e6 / count,
                lateNanosMost / 1e6);
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 10).order(ByteOrder.nativeOrder());
        MemorySegment segment = MemorySegment.ofBuffer(buffer);
        while (!closed) {
            long length;
            try {
                length = LIBC.receive(socket, segment);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // ENOBUFS: the kernel dropped notifications (the packets are accepted by fail-open or time out).
                continue;
            }
            if (length <= 0) {
                continue; // the receive timeout: look at `closed` again
            }
            long now = System.nanoTime();
            for (int at = 0; at + NLMSG_HEADER <= length; ) {
                int messageLength = buffer.getInt(at);
                int type = Short.toUnsignedInt(buffer.getShort(at + 4));
                if (messageLength < NLMSG_HEADER) {
                    break;
                }
                if (type == (NFQ_SUBSYSTEM | NFQNL_MSG_PACKET)) {
                    int packet = packetId(buffer, at + NLMSG_HEADER + NFGEN_HEADER, at + messageLength);
                    long jitter = jitterNanos == 0 ? 0
                            : ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1);
                    held.add(new Held(packet, now + Math.max(0, delayNanos + jitter)));
                    delayed.incrementAndGet();
                }
                at += align(messageLength);
            }
        }
    }

    private void release() {
        try {
            while (!closed) {
                Held packet = held.poll(200, TimeUnit.MILLISECONDS);
                if (packet != null) {
                    accept(packet.packet());
                    long late = Math.max(0, System.nanoTime() - packet.dueNanos());
                    lateNanosTotal += late;
                    lateNanosMost = Math.max(lateNanosMost, late);
                    released++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The id in the packet message's NFQA_PACKET_HDR (big-endian, as every nfqueue field). */
    private static int packetId(ByteBuffer buffer, int from, int to) {
        for (int at = from; at + 4 <= to; ) {
            int attributeLength = Short.toUnsignedInt(buffer.getShort(at));
            int type = buffer.getShort(at + 2) & 0x7fff;
            if (attributeLength < 4) {
                break;
            }
            if (type == NFQA_PACKET_HDR) {
                return buffer.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(at + 4);
            }
            at += align(attributeLength);
        }
        throw new IllegalStateException("an NFQUEUE packet message without a packet header");
    }

    private void accept(int packet) {
        try {
            send(NFQNL_MSG_VERDICT, (short) NLM_F_REQUEST, NFQA_VERDICT_HDR,
                    ByteBuffer.allocate(8).putInt(NF_ACCEPT).putInt(packet).array());
        } catch (IOException e) {
            // the queue is gone (closing): the kernel drops what it held
        }
    }

    private void configure(int attribute, byte[] value) throws IOException {
        send(NFQNL_MSG_CONFIG, (short) (NLM_F_REQUEST | NLM_F_ACK), attribute, value);
        expectAck();
    }

    /** Fail-open: a full queue passes packets on instead of dropping them. */
    private void configureFlags() throws IOException {
        byte[] flags = ByteBuffer.allocate(4).putInt(NFQA_CFG_F_FAIL_OPEN).array();
        ByteBuffer message = message(NFQNL_MSG_CONFIG, (short) (NLM_F_REQUEST | NLM_F_ACK),
                attribute(NFQA_CFG_FLAGS, flags), attribute(NFQA_CFG_MASK, flags));
        LIBC.send(socket, message);
        expectAck();
    }

    private void send(int type, short flags, int attribute, byte[] value) throws IOException {
        LIBC.send(socket, message(type, flags, attribute(attribute, value)));
    }

    private ByteBuffer message(int type, short flags, byte[]... attributes) {
        int length = NLMSG_HEADER + NFGEN_HEADER;
        for (byte[] attribute : attributes) {
            length += attribute.length;
        }
        ByteBuffer message = ByteBuffer.allocateDirect(length).order(ByteOrder.nativeOrder());
        message.putInt(length).putShort((short) (NFQ_SUBSYSTEM | type)).putShort(flags).putInt(0).putInt(0);
        message.put((byte) 0).put((byte) 0).order(ByteOrder.BIG_ENDIAN).putShort((short) queue)
                .order(ByteOrder.nativeOrder());
        for (byte[] attribute : attributes) {
            message.put(attribute);
        }
        return message.flip();
    }

    private static byte[] attribute(int type, byte[] value) {
        ByteBuffer attribute = ByteBuffer.allocate(align(4 + value.length)).order(ByteOrder.nativeOrder());
        attribute.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        return attribute.array();
    }

    /** Reads the kernel's answer to a request sent with NLM_F_ACK: an error message whose code 0 means done. */
    private void expectAck() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
        long length = LIBC.receive(socket, MemorySegment.ofBuffer(buffer));
        if (length < NLMSG_HEADER + 4 || buffer.getShort(4) != NLMSG_ERROR) {
            throw new IOException("no answer from nfnetlink_queue");
        }
        int error = -buffer.getInt(NLMSG_HEADER);
        if (error != 0) {
            throw new IOException("nfnetlink_queue refused the configuration (errno " + error + ")");
        }
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }

    /** Stops both threads, lets every packet still held through and unbinds the queue. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        in.join();
        out.join();
        for (Held packet; (packet = held.poll()) != null; ) {
            accept(packet.packet());
        }
        try {
            send(NFQNL_MSG_CONFIG, NLM_F_REQUEST, NFQA_CFG_CMD, ByteBuffer.allocate(4)
                    .put((byte) NFQNL_CFG_CMD_UNBIND).put((byte) 0).putShort((short) AF_INET).array());
        } catch (IOException e) {
            // closing the socket unbinds as well
        }
        LIBC.close(socket);
    }

    /** The few libc calls a netlink socket needs, with errno captured for the error text. */
    private static final class Libc {
        private final StructLayout callState = Linker.Option.captureStateLayout();
        private final VarHandle errno = callState.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        private final MethodHandle socket;
        private final MethodHandle bind;
        private final MethodHandle setsockopt;
        private final MethodHandle send;
        private final MethodHandle recv;
        private final MethodHandle close;
        private final MethodHandle schedSetScheduler;

        Libc() {
            ValueLayout.OfInt i = ValueLayout.JAVA_INT;
            ValueLayout.OfLong l = ValueLayout.JAVA_LONG;
            ValueLayout pointer = ValueLayout.ADDRESS;
            socket = function("socket", FunctionDescriptor.of(i, i, i, i));
            bind = function("bind", FunctionDescriptor.of(i, i, pointer, i));
            setsockopt = function("setsockopt", FunctionDescriptor.of(i, i, i, i, pointer, i));
            send = function("send", FunctionDescriptor.of(l, i, pointer, l, i));
            recv = function("recv", FunctionDescriptor.of(l, i, pointer, l, i));
            close = function("close", FunctionDescriptor.of(i, i));
            schedSetScheduler = function("sched_setscheduler", FunctionDescriptor.of(i, i, i, pointer));
        }

        /** SCHED_FIFO at a low real-time priority for the calling thread; stays as it is where refused. */
        void realTime() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment priority = arena.allocate(ValueLayout.JAVA_INT);
                priority.set(ValueLayout.JAVA_INT, 0, 10);
                call("sched_setscheduler", schedSetScheduler, 0, SCHED_FIFO, priority);
            } catch (IOException e) {
                // not root, or real-time scheduling not allowed here: the report's lateness shows the cost
            }
        }

        private static MethodHandle function(String name, FunctionDescriptor descriptor) {
            Linker linker = Linker.nativeLinker();
            return linker.downcallHandle(linker.defaultLookup().findOrThrow(name), descriptor,
                    Linker.Option.captureCallState("errno"));
        }

        int socket(int domain, int type, int protocol) throws IOException {
            return (int) call("socket", socket, domain, type, protocol);
        }

        /** Binds to the kernel-assigned netlink port (sockaddr_nl with every field zero but the family). */
        void bindNetlink(int fd) throws IOException {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment address = arena.allocate(12);
                address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_NETLINK);
                call("bind", bind, fd, address, 12);
            }
        }

        void setIntOption(int fd, int option, int value) throws IOException {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment field = arena.allocate(ValueLayout.JAVA_INT);
                field.set(ValueLayout.JAVA_INT, 0, value);
                call("setsockopt", setsockopt, fd, SOL_SOCKET, option, field, 4);
            }
        }

        /** A receive that returns 0 after {@code millis} without data, so the reader can notice a close. */
        void setReceiveTimeout(int fd, int millis) throws IOException {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment timeval = arena.allocate(16);
                timeval.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
                timeval.set(ValueLayout.JAVA_LONG, 8, (millis % 1000) * 1000L);
                call("setsockopt", setsockopt, fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16);
            }
        }

        void send(int fd, ByteBuffer message) throws IOException {
            call("send", send, fd, MemorySegment.ofBuffer(message), (long) message.remaining(), 0);
        }

        /** Bytes received, or 0 when the receive timeout passed. */
        long receive(int fd, MemorySegment into) throws IOException {
            try {
                return call("recv", recv, fd, into, into.byteSize(), 0);
            } catch (ErrnoException e) {
                if (e.code == EAGAIN) {
                    return 0;
                }
                throw e;
            }
        }

        void close(int fd) {
            try {
                call("close", close, fd);
            } catch (IOException e) {
                // nothing left to release
            }
        }

        private long call(String name, MethodHandle function, Object... arguments) throws IOException {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(callState);
                Object[] all = new Object[arguments.length + 1];
                all[0] = state;
                System.arraycopy(arguments, 0, all, 1, arguments.length);
                long result = ((Number) function.invokeWithArguments(all)).longValue();
                if (result < 0) {
                    throw new ErrnoException(name, (int) errno.get(state, 0L));
                }
                return result;
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A libc call that failed, with its errno. */
    private static final class ErrnoException extends IOException {
        final int code;

        ErrnoException(String call, int code) {
            super(call + " failed (errno " + code + (code == ENOBUFS ? ", ENOBUFS" : "") + ")");
            this.code = code;
        }
    }
}
