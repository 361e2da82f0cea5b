package io.simcast.streaming.access;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a host's share links live between its runs, so that a restart loses none: each link without its token, and
 * the digest its token is known by. {@link #NONE} keeps nothing (a host on a port picked at random, tests). Called by
 * {@link ShareLinks} under its lock: once at start, then after every change.
 */
public interface LinkStore {
    /** A link as kept: the digest of its token, and the link without the token. */
    record Kept(String digest, ShareLink link) {}

    /** What an earlier run kept; nothing when there is nothing or it cannot be read (that is logged). */
    List<Kept> load();

    /** Replaces what is kept with {@code links}; a failure is logged, and the links work until the host stops. */
    void save(List<Kept> links);

    /** Keeps nothing: links last as long as the host. */
    LinkStore NONE = new LinkStore() {
        @Override
        public List<Kept> load() {
            return List.of();
        }

        @Override
        public void save(List<Kept> links) {
            // nothing outlives the host
        }
    };

    /** A JSON file readable only by the user ({@link LinkFile}). */
    static LinkStore file(Path path) {
        return new LinkFile(path);
    }
}
