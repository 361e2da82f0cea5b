package io.simcast.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.simcast.streaming.StreamingMessages;
import io.simcast.streaming.Role;
import io.simcast.streaming.access.ShareLink;
import io.simcast.streaming.access.ShareLinks;
import io.simcast.streaming.http.ApiException;
import io.simcast.streaming.http.JsonHandler.Reply;
import io.simcast.streaming.http.RequestBody;
import io.simcast.streaming.viewer.Viewers;
import io.undertow.server.HttpServerExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator's share links over REST, for hosts without a console: list them, make one, revoke one (its viewers are
 * disconnected at once). Operator only, so the answers may carry the links' addresses with their tokens. Worker
 * threads.
 */
public final class LinksResource {
    /** Longest lifetime a link may be given: a week. */
    static final long MAX_MINUTES = 7 * 24 * 60;

    private final ShareLinks links;
    private final Viewers viewers;
    private final Supplier<URI> pageAddress;
    private final long maxBodyBytes;

    /** @param pageAddress where people open the page (the links' addresses start with it), known once bound */
    public LinksResource(ShareLinks links, Viewers viewers, Supplier<URI> pageAddress, long maxBodyBytes) {
        this.links = links;
        this.viewers = viewers;
        this.pageAddress = pageAddress;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param expires ISO-8601, or null for never
     * @param viewers viewers using it now
     */
    public record Link(String id, String role, String url, String created, String expires, int maxViewers,
                       int viewers) {}

    public record Links(List<Link> links) {}

    /** {@code GET /api/links}. */
    public Links list(HttpServerExchange exchange) {
        return new Links(links.active().stream().map(this::describe).toList());
    }

    /** {@code POST /api/links} with {@code {"role": "viewer", "expiresInMinutes": 60, "maxViewers": 4}}. */
    public Reply create(HttpServerExchange exchange) throws Exception {
        JsonNode body = SceneResource.parse(RequestBody.read(exchange, maxBodyBytes).text());
        Role role;
        try {
            role = Role.parseLinkRole(body.path("role").asText(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        JsonNode minutes = body.path("expiresInMinutes");
        if (!minutes.isMissingNode() && !minutes.isNull()
                && (!minutes.isIntegralNumber() || minutes.asLong() < 1 || minutes.asLong() > MAX_MINUTES)) {
            throw ApiException.badRequest(StreamingMessages.badLinkMinutes(minutes.toString(), MAX_MINUTES));
        }
        JsonNode max = body.path("maxViewers");
        if (!max.isMissingNode() && !max.isNull() && (!max.isIntegralNumber() || max.asInt() < 1
                || max.asInt() > viewers.limit())) {
            throw ApiException.badRequest(StreamingMessages.badLinkViewerCount(max.toString(), viewers.limit()));
        }
        ShareLink link = links.create(role, minutes.isIntegralNumber() ? Duration.ofMinutes(minutes.asLong()) : null,
                max.isIntegralNumber() ? max.asInt() : 0);
        return Reply.json(201, describe(link));
    }

    /** {@code DELETE /api/links/{id}}. */
    public Map<String, String> revoke(HttpServerExchange exchange) {
        String id = exchange.getQueryParameters().get("id").getFirst();
        if (!links.revoke(id)) {
            throw ApiException.notFound(StreamingMessages.noLink(id));
        }
        return Map.of("revoked", id);
    }

    private Link describe(ShareLink link) {
        return new Link(link.id(), link.role().wireName(), link.address(pageAddress.get()).toString(),
                link.created().toString(), link.expires() == null ? null : link.expires().toString(),
                link.maxViewers(), viewers.countFor(link.id()));
    }
}
