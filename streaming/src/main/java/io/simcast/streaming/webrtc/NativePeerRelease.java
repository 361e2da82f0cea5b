package io.simcast.streaming.webrtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.internal.NativeObject;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Frees the native peer connection that webrtc-java 0.14.0 keeps after {@code close()}. Its
 * {@code createPeerConnection} hands Java the one reference it owns, and its {@code close()} closes the connection and
 * forgets the pointer without releasing that reference, so every closed connection's native objects (transports,
 * senders, encoder state) stay in memory: with the input channels' observers (PeerSession) about 3 MiB a minute at
 * 20 viewers a minute, the resident growth the hour-long soak showed.
 * webrtc-java's PR #283 (merged after 0.15.0, not yet released; Maven Central serves 0.14.0 here) makes
 * {@code close()} release it; until that version, this reads the pointer before {@code close()} clears it and
 * releases it after, as that fix does. Remove this class with the upgrade.
 *
 * <p>The release is libwebrtc's {@code RefCountInterface::Release()}, the second virtual function of the interface
 * every {@code PeerConnectionInterface} starts with (Itanium C++ ABI: the object's first word points to its virtual
 * table). Call it from the session's queue, never from a libwebrtc thread: the last release destroys the connection
 * by a blocking call onto libwebrtc's signalling thread.
 */
@SuppressWarnings("restricted") // native access is enabled for the class path (simcast.jvm.flags)
final class NativePeerRelease {
    /** {@code webrtc::RefCountReleaseStatus::kDroppedLastRef}. */
    static final int DROPPED_LAST_REF = 0;
    private static final VarHandle HANDLE;
    private static final MethodHandle RELEASE = Linker.nativeLinker().downcallHandle(
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    static {
        try {
            HANDLE = MethodHandles.privateLookupIn(NativeObject.class, MethodHandles.lookup())
                    .findVarHandle(NativeObject.class, "nativeHandle", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NativePeerRelease() {}

    /** The native pointer behind {@code connection} (0 once closed). Read it before {@code close()}. */
    static long pointerOf(RTCPeerConnection connection) {
        return (long) HANDLE.get(connection);
    }

    /**
     * Drops the reference {@code createPeerConnection} gave Java; call once, after {@code close()}.
     *
     * @return {@link #DROPPED_LAST_REF} when that freed the connection, else 1 (someone else still holds it)
     */
    static int release(long pointer) {
        MemorySegment object = MemorySegment.ofAddress(pointer).reinterpret(ValueLayout.ADDRESS.byteSize());
        MemorySegment table = object.get(ValueLayout.ADDRESS, 0).reinterpret(2 * ValueLayout.ADDRESS.byteSize());
        MemorySegment release = table.getAtIndex(ValueLayout.ADDRESS, 1);
        try {
            return (int) RELEASE.invokeExact(release, object);
        } catch (Throwable e) {
            throw new IllegalStateException("Releasing the native peer connection failed", e);
        }
    }
}
