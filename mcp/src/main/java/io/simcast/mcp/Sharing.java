package io.simcast.mcp;

import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.watch.WatchSources;
import java.net.URI;
import java.util.function.Supplier;

/**
 * What a host that serves people lends the tools: its share links and where its page is (make_viewer_link), and its
 * Watch list, where sandboxes are published so people can watch them. Present where a host serves people (the
 * host's {@code /mcp}, {@code simcast mcp --serve}). Immutable.
 *
 * @param pageAddress where people open the page (known once the host is bound)
 * @param watchList the page's Watch list of sandboxes
 */
public record Sharing(ShareLinks links, Supplier<URI> pageAddress, WatchSources watchList) {}
