package io.simcast.streaming.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secret tokens: 192 random bits from {@link SecureRandom}, written in base64url without padding (32 characters, safe
 * in URLs and QR codes). Only their SHA-256 digests are kept for lookups, so a token cannot be read back from
 * memory dumps of the registry, and comparisons never depend on how much of a guess matched. Thread-safe.
 */
public final class Tokens {
    /** Bytes of randomness per token: 192 bits, comfortably above the 128 that make guessing hopeless. */
    static final int BYTES = 24;
    /** Shortest token accepted from the operator: 22 base64 characters carry 128 bits. */
    public static final int MIN_LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short random id for things that are not secret (a link's name in lists and URLs of the API). */
    static String id() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The digest a token is looked up by (and all the host keeps of it, in memory and on disk). */
    public static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
