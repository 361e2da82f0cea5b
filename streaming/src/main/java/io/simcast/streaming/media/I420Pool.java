package io.simcast.streaming.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The I420 pictures of one pump, reused once libwebrtc let go of them, so a steady stream allocates no native
 * buffer. libwebrtc keeps a pushed buffer for as long as any connection's encoder queue, pending frame or scaler
 * holds the frame (one or two frames per connection, more while an encoder falls behind); a picture is handed out
 * again only when its native reference count says that nobody but the pool holds it ({@link NativeReferences}).
 *
 * <p>At most {@link #CAPACITY} pictures exist at once: when libwebrtc holds all the others, {@link #acquire} finds
 * none and the pump skips the frame (an encoder that far behind would drop it anyway). Without a reference count
 * no picture is reused: each frame gets a fresh buffer and the pool only gives up its reference on
 * {@link #recycle}, as before pooling.
 *
 * <p>Pump thread only.
 */
final class I420Pool implements AutoCloseable {
    /** Pictures alive at once: the one being filled, the pump's last one, and what libwebrtc may still hold. */
    static final int CAPACITY = 8;

    private final Optional<NativeReferences> references;
    private final List<I420Picture> returned = new ArrayList<>(CAPACITY);
    private int alive;
    private long created;

    I420Pool(Optional<NativeReferences> references) {
        this.references = references;
    }

    /**
     * A picture of this size that nobody else holds, reused or new; empty when {@link #CAPACITY} pictures are
     * alive and libwebrtc still holds every returned one. Pictures of another size are freed on the way.
     */
    Optional<I420Picture> acquire(int width, int height) {
        int i = 0;
        while (i < returned.size()) { // oldest first: the likeliest to be done with
            I420Picture picture = returned.get(i);
            if (picture.width() != width || picture.height() != height) {
                free(returned.remove(i));
            } else if (picture.unshared()) {
                return Optional.of(returned.remove(i));
            } else {
                i++;
            }
        }
        if (alive >= CAPACITY) {
            return Optional.empty();
        }
        alive++;
        created++;
        return Optional.of(new I420Picture(width, height, references));
    }

    /** Takes back a picture the pump no longer needs; libwebrtc may still be reading it. */
    void recycle(I420Picture picture) {
        if (references.isPresent()) {
            returned.add(picture);
        } else {
            free(picture);
        }
    }

    /** Pictures made so far: constant once the stream is warm when pictures are reused. */
    long created() {
        return created;
    }

    /** Gives up the pool's references to every returned picture; libwebrtc frees each once done with it. */
    @Override
    public void close() {
        returned.forEach(this::free);
        returned.clear();
    }

    private void free(I420Picture picture) {
        alive--;
        picture.free();
    }
}
