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
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operator's share links over REST, for hosts without a console: list them, make one, revoke one (its viewers are
 * disconnected at once). A link's address, which carries its token, is in the answer that made it and in no other:
 * the host keeps only digests, so the list names links by id. Operator only. Worker threads.
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
     * @param url the address to share, with the token: only in the answer that made the link
     * @param expires ISO-8601, or null for never
     * @param maxViewers viewers it admits at once (0: an operator link, which has no limit of its own)
     * @param unopened an operator link not opened yet
     * @param viewers viewers using it now
     */
    public record Link(String id, String role, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> url, String created, String expires, int maxViewers,
                       boolean unopened, int viewers) {}

    public record Links(List<Link> links) {}

    /** {@code GET /api/links}. */
    public Links list(HttpServerExchange exchange) {
        return new Links(links.active().stream().map(link -> describe(link, Optional.empty())).toList());
    }

    /**
     * {@code POST /api/links} with {@code {"role": "viewer", "expiresInMinutes": 60, "maxViewers": 4}}; role
     * {@code operator} makes a link that opens the operator's page once.
     */
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
        if (!max.isMissingNode() && !max.isNull() && (role == Role.OPERATOR || !max.isIntegralNumber()
                || max.asInt() < 1 || max.asInt() > viewers.limit())) {
            throw ApiException.badRequest(role == Role.OPERATOR ? StreamingMessages.operatorLinkViewers()
                    : StreamingMessages.badLinkViewerCount(max.toString(), viewers.limit()));
        }
        ShareLink link = links.create(role, minutes.isIntegralNumber() ? Duration.ofMinutes(minutes.asLong()) : null,
                max.isIntegralNumber() ? max.asInt() : 0);
        return Reply.json(201, describe(link, Optional.of(link.address(pageAddress.get()).toString())));
    }

    /** {@code DELETE /api/links/{id}}. */
    public Map<String, String> revoke(HttpServerExchange exchange) {
        String id = exchange.getQueryParameters().get("id").getFirst();
        if (!links.revoke(id)) {
            throw ApiException.notFound(StreamingMessages.noLink(id));
        }
        return Map.of("revoked", id);
    }

    private Link describe(ShareLink link, Optional<String> url) {
        return new Link(link.id(), link.role().wireName(), url, link.created().toString(),
                link.expires() == null ? null : link.expires().toString(), link.maxViewers(), link.unopened(),
                viewers.countFor(link.id()));
    }
}
