package io.simcast.streaming;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The STUN and TURN servers both ends of every peer connection use, and how a peer gets its TURN credential: the one
 * configured with the server (TURN_USERNAME and TURN_CREDENTIAL, for a TURN service someone else runs), or one minted
 * for that peer alone from the TURN server's shared secret (TURN_SECRET, what the shipped deployments use). Immutable,
 * any thread.
 *
 * @param servers the servers as configured (a TURN server carries a static credential only without a secret)
 * @param secret the TURN server's shared secret, when credentials are minted per peer
 */
public record IceServers(List<IceServer> servers, Optional<TurnSecret> secret) {
    public static final IceServers NONE = new IceServers(List.of(), Optional.empty());

    public IceServers {
        servers = List.copyOf(servers);
        Objects.requireNonNull(secret, "secret");
        if (secret.isPresent() && servers.stream().anyMatch(IceServer::hasCredential)) {
            throw new IllegalArgumentException(StreamingMessages.turnSecretAndStaticUser());
        }
    }

    /** The servers as {@code peer} may use them from {@code now}: each TURN server with the peer's own credential. */
    public List<IceServer> forPeer(String peer, Instant now) {
        if (secret.isEmpty()) {
            return servers;
        }
        TurnSecret.Credential credential = secret.get().mint(peer, now);
        return servers.stream().map(server -> server.isTurn()
                ? new IceServer(server.url(), credential.username(), credential.password()) : server).toList();
    }

    /** {@link #forPeer(String, Instant)} from this moment. */
    public List<IceServer> forPeer(String peer) {
        return forPeer(peer, Instant.now());
    }

    /** Whether peers get a credential for {@code server} (a configured one, or one minted for them). */
    public boolean hasCredential(IceServer server) {
        return server.hasCredential() || server.isTurn() && secret.isPresent();
    }
}
