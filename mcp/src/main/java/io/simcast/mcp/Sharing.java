package io.simcast.mcp;

import io.simcast.streaming.access.ShareLinks;
import java.net.URI;
import java.util.function.Supplier;

/**
 * A host's share links and where its page is: what make_viewer_link needs. Present where a host serves people (the
 * host's {@code /mcp}, {@code simcast mcp --serve}). Immutable.
 *
 * @param pageAddress where people open the page (known once the host is bound)
 */
public record Sharing(ShareLinks links, Supplier<URI> pageAddress) {}
