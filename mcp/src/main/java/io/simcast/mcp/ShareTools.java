package io.simcast.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.ShareLink;
import java.time.Duration;
import java.util.List;

/**
 * Sharing: a viewer link so that a person can watch what the agent does, made with the host's share links (the same
 * as the console's and {@code POST /api/links}). Only the operator may make links; a server with no host to serve
 * people says so.
 */
final class ShareTools {
    private ShareTools() {}

    record Link(String url, String role, String id, String expires) {}

    static List<SyncToolSpecification> all(ToolKit kit) {
        Workspace ws = kit.workspace();
        return List.of(kit.tool("make_viewer_link", "Make a viewer link",
                "A link a person opens in a browser to watch the shared simulation live (their own camera, no"
                        + " control). Give it to the user. Needs the operator role.",
                Schema.object().integer("expires_minutes", "Minutes the link works; no expiry when left out.", 1,
                        60 * 24 * 30),
                call -> {
                    call.require(Role.OPERATOR, "Making a viewer link");
                    Sharing sharing = ws.sharing().orElseThrow(() -> new ToolError(McpMessages.noLinks()));
                    Duration validFor = call.optionalInteger("expires_minutes").map(Duration::ofMinutes)
                            .orElse(null);
                    ShareLink link = sharing.links().create(Role.VIEWER, validFor, 0);
                    return new Link(link.address(sharing.pageAddress().get()).toString(), Role.VIEWER.wireName(),
                            link.id(), link.expires() == null ? null : link.expires().toString());
                }));
    }
}
