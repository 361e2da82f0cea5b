package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.ShareLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sharing: a viewer link so that a person can watch what the agent does, made with the host's share links (the same
 * as the console's and {@code POST /api/links}). Only the operator may make links; a server with no host to serve
 * people says so.
 */
final class ShareTools {
    private ShareTools() {}

    /** The page's query parameter that opens it watching a sandbox (client/watch.js reads it). */
    static final String WATCH_PARAMETER = "watch";

    record Link(String url, String role, String id, String expires) {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(kit.tool("make_viewer_link", "Make a viewer link",
                "A link a person opens in a browser to watch the shared simulation live (their own camera, no"
                        + " control), or one of your sandboxes when you name it. Give it to the user. Needs the"
                        + " operator role.",
                Schema.object().integer("expires_minutes", "Minutes the link works; no expiry when left out.", 1,
                        60 * 24 * 30)
                        .text("sandbox", "One of your sandboxes: the page opens watching it."),
                call -> {
                    call.require(Role.OPERATOR, "Making a viewer link");
                    Sharing sharing = ws.sharing().orElseThrow(() -> new ToolError(McpMessages.noLinks()));
                    Duration validFor = call.optionalInteger("expires_minutes").map(Duration::ofMinutes)
                            .orElse(null);
                    Optional<String> sandbox = call.optionalString("sandbox")
                            .map(id -> ws.sandboxes().use(call.session(), id).name());
                    ShareLink link = sharing.links().create(Role.VIEWER, validFor, 0);
                    String address = link.address(sharing.pageAddress().get()).toString();
                    return new Link(sandbox.map(id -> address + "&" + WATCH_PARAMETER + "=" + id).orElse(address),
                            Role.VIEWER.wireName(),
                            link.id(), link.expires() == null ? null : link.expires().toString());
                }));
    }
}
