package io.simcast.streaming.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.internal.NativeObject;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how many references a native I420 buffer has, which is how the pump knows that libwebrtc is done with a
 * pooled buffer. {@code CustomVideoSource.pushFrame} does not copy: the native frame it hands to libwebrtc holds a
 * {@code scoped_refptr} to our very buffer, and every encoder queue, pending frame and scaler that keeps the frame
 * keeps a reference. webrtc-java 0.14 offers no release callback and no {@code HasOneRef()}, so the count is read
 * where libwebrtc keeps it: the {@code ref_count_} of its {@code RefCountedObject<I420Buffer>}, whose address is the
 * Java object's private {@code nativeHandle}.
 *
 * <p>The count's place is not assumed but found, once per process: in a fresh 2x2 buffer the one int that reads 1,
 * 2, 3, 2, 1 while Java retains it twice and releases it twice is the count (byte 40 in webrtc-java 0.14.0's
 * libwebrtc). When nothing behaves so (another layout, webrtc-java loaded as a named module, native access denied),
 * {@link #find()} is empty and the pool gives every frame a fresh buffer, as webrtc-java's own examples do.
 *
 * <p>Reading is safe while we hold a reference (the object cannot be freed). A count of 1 that is ours is final:
 * nobody else holds the buffer, so nobody can add a reference; the read has acquire semantics, pairing with the
 * acquire-release decrement of libwebrtc's last holder, so its reads of the pixels happen before our next writes.
 * Any thread.
 */
final class NativeReferences {
    private static final Logger log = LoggerFactory.getLogger(NativeReferences.class);
    /** Bytes of the native object searched for the count (the object is 48 bytes in webrtc-java 0.14.0). */
    private static final int SEARCHED_BYTES = 64;
    private static final VarHandle COUNT = ValueLayout.JAVA_INT.varHandle();
    private static final Optional<NativeReferences> FOUND = probe();

    private final VarHandle nativeHandle;
    private final long offset;

    private NativeReferences(VarHandle nativeHandle, long offset) {
        this.nativeHandle = nativeHandle;
        this.offset = offset;
    }

    /** The reader for this process, or empty when the count could not be found (see the class comment). */
    static Optional<NativeReferences> find() {
        return FOUND;
    }

    /** The count of {@code buffer}, which the caller holds a reference to, made once per buffer. */
    Count of(NativeI420Buffer buffer) {
        return new Count(MemorySegment.ofAddress(address(buffer) + offset).reinterpret(Integer.BYTES));
    }

    /** One buffer's reference count; reading it allocates nothing. */
    record Count(MemorySegment place) {
        int get() {
            return (int) COUNT.getAcquire(place, 0L);
        }
    }

    private long address(NativeI420Buffer buffer) {
        long address = (long) nativeHandle.get(buffer);
        if (address == 0) {
            throw new IllegalStateException("the I420 buffer was already freed");
        }
        return address;
    }

    private static Optional<NativeReferences> probe() {
        try {
            // webrtc-java loads its native library when this class initialises.
            Class.forName(PeerConnectionFactory.class.getName(), true, PeerConnectionFactory.class.getClassLoader());
            VarHandle handle = MethodHandles.privateLookupIn(NativeObject.class, MethodHandles.lookup())
                    .findVarHandle(NativeObject.class, "nativeHandle", long.class);
            NativeI420Buffer buffer = NativeI420Buffer.allocate(2, 2);
            try {
                long address = (long) handle.get(buffer);
                MemorySegment object = MemorySegment.ofAddress(address).reinterpret(SEARCHED_BYTES);
                int[][] reads = new int[5][];
                reads[0] = ints(object);
                buffer.retain();
                reads[1] = ints(object);
                buffer.retain();
                reads[2] = ints(object);
                buffer.release();
                reads[3] = ints(object);
                buffer.release();
                reads[4] = ints(object);
                int[] expected = {1, 2, 3, 2, 1};
                long found = -1;
                for (int i = 0; i < SEARCHED_BYTES / Integer.BYTES; i++) {
                    boolean counts = true;
                    for (int step = 0; step < expected.length; step++) {
                        counts &= reads[step][i] == expected[step];
                    }
                    if (counts) {
                        if (found >= 0) {
                            return unavailable("two fields of the native buffer count its references");
                        }
                        found = (long) i * Integer.BYTES;
                    }
                }
                if (found < 0) {
                    return unavailable("no field of the native buffer counts its references");
                }
                log.debug("libwebrtc's I420 reference count is at byte {} of the native buffer", found);
                return Optional.of(new NativeReferences(handle, found));
            } finally {
                buffer.release();
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return unavailable(e.toString());
        }
    }

    private static int[] ints(MemorySegment object) {
        int[] values = new int[SEARCHED_BYTES / Integer.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = (int) COUNT.getAcquire(object, (long) i * Integer.BYTES);
        }
        return values;
    }

    private static Optional<NativeReferences> unavailable(String why) {
        log.info("I420 buffers for WebRTC are not reused: libwebrtc's reference count cannot be read ({}); every"
                + " frame gets a new one", why);
        return Optional.empty();
    }
}
