package io.simcast.streaming;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a TURN server shares with this host (the "TURN REST API": coturn's {@code use-auth-secret} with
 * {@code static-auth-secret}). From it the host mints every peer its own short-lived credential, which the TURN server
 * checks without knowing the peer: the user name is {@code EXPIRY:PEER} (EXPIRY in Unix seconds, the separator
 * coturn expects) and the password Base64(HMAC-SHA1(secret, user name)). A credential copied out of a page stops
 * working when it expires and says whose it was. Immutable, any thread; {@link #toString()} hides the secret.
 *
 * @param secret the shared secret (TURN_SECRET), at least {@value #MIN_LENGTH} characters
 * @param lifetime how long a minted credential is accepted for new allocations
 */
public record TurnSecret(String secret, Duration lifetime) {
    /**
     * Longer than a lecture, a demo day or an evening of training runs watched in one page (the page gets its
     * credential once, when it connects), short enough that one copied today is worthless tomorrow.
     */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);
    public static final int MIN_LENGTH = 16;
    private static final String HMAC = "HmacSHA1";

    /** One peer's TURN user name and password; {@link #toString()} hides the password. */
    public record Credential(String username, String password) {
        @Override
        public String toString() {
            return username + " (with password)";
        }
    }

    public TurnSecret {
        Objects.requireNonNull(lifetime, "lifetime");
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(StreamingMessages.turnSecretTooShort(MIN_LENGTH));
        }
        secret = secret.strip();
    }

    /** The secret from TURN_SECRET, with the default lifetime. */
    public static TurnSecret of(String secret) {
        return new TurnSecret(secret, DEFAULT_LIFETIME);
    }

    /**
     * A credential for {@code peer} (a viewer's id, or "host" for the host's own side) that expires
     * {@link #lifetime} after {@code now}.
     */
    public Credential mint(String peer, Instant now) {
        String username = now.plus(lifetime).getEpochSecond() + ":" + peer;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
            return new Credential(username, Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }

    @Override
    public String toString() {
        return "TurnSecret[lifetime=" + lifetime + "]";
    }
}
