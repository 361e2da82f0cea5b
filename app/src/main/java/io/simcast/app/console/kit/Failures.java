package io.simcast.app.console.kit;

import java.util.concurrent.CompletionException;

/** Failures of asynchronous work, as a person should read them. Any thread. */
public final class Failures {
    private Failures() {}

    /** The failure itself, not the {@link CompletionException} a future chain wrapped it in. */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
