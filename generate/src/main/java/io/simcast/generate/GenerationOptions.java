package io.simcast.generate;

import java.time.Duration;

/**
 * How hard generation tries. Immutable.
 *
 * @param maxAttempts replies to ask for before giving up, repairs included (1 to 10)
 * @param requestTimeout longest wait for one reply; reasoning models take a minute or more for a large scene
 * @param checkSeconds simulated seconds every candidate runs before it is accepted
 */
public record GenerationOptions(int maxAttempts, Duration requestTimeout, double checkSeconds) {
    public static final GenerationOptions DEFAULT = new GenerationOptions(3, Duration.ofSeconds(120), 3.0);

    public GenerationOptions {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("attempts must be between 1 and 10, got " + maxAttempts);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive");
        }
        if (!(checkSeconds > 0 && checkSeconds <= 60)) {
            throw new IllegalArgumentException("the check must run between 0 and 60 simulated seconds");
        }
    }

    public GenerationOptions withMaxAttempts(int attempts) {
        return new GenerationOptions(attempts, requestTimeout, checkSeconds);
    }

    public GenerationOptions withRequestTimeout(Duration timeout) {
        return new GenerationOptions(maxAttempts, timeout, checkSeconds);
    }
}
