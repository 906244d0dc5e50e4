package io.jenkins.plugins.apikey.verify;

import io.jenkins.plugins.apikey.EngineMessages;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What a service said about a key. Holds neither the key nor the token the service sent back,
 * only the status and a checked error code, so it is safe to show, log and keep.
 *
 * @param outcome what happened
 * @param endpoint where the key was sent, or {@code null} when nothing was sent
 * @param status the HTTP status of the answer, or 0 when there was none
 * @param errorCode the service's own error code, such as {@code invalid_grant}, or {@code null}
 * @param elapsed how long it took
 * @param message what happened and what to do, for users
 */
public record Verification(
        Outcome outcome, URI endpoint, int status, String errorCode, Duration elapsed, String message) {

    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(message, "message");
    }

    /** The answer for a key without a verifier, called {@code keyName} in the message. */
    public static Verification noVerifier(String keyName) {
        return new Verification(
                Outcome.NO_VERIFIER, null, 0, null, Duration.ZERO, EngineMessages.verifyNoVerifier(keyName));
    }

    /** The answer for a key that was not sent because {@code reason}, a message for users, says it cannot work. */
    public static Verification notSent(String reason) {
        return new Verification(Outcome.NOT_SENT, null, 0, null, Duration.ZERO, reason);
    }

    /** Whether the key was accepted, refused, or neither. */
    public Verdict verdict() {
        return outcome.verdict();
    }
}
