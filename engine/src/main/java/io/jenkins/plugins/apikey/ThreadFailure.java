package io.jenkins.plugins.apikey;

import java.io.IOException;

/**
 * Passes what a worker thread caught on to the thread that waits for it: the engine's worker
 * threads catch only {@link IOException}s, unchecked exceptions and errors, and keep the first.
 */
public final class ThreadFailure {

    private ThreadFailure() {}

    /** Throws {@code failure} as what it is; does nothing when it is null. */
    public static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }
}
