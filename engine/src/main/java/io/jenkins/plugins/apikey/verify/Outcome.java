package io.jenkins.plugins.apikey.verify;

/** What happened when a key was verified, in more detail than its {@link Verdict}. */
public enum Outcome {
    /** The service answered with a token. */
    VALID(Verdict.VALID),
    /** The service refused the key (such as HTTP 400 {@code invalid_grant} or 401). */
    REJECTED(Verdict.REJECTED),
    /** The service has no verifier; nothing was sent. */
    NO_VERIFIER(Verdict.UNKNOWN),
    /** The key, or what goes with it such as a server URL, fails its preset's checks; nothing was sent. */
    NOT_SENT(Verdict.UNKNOWN),
    /** HTTP 429: the service is limiting requests. */
    RATE_LIMITED(Verdict.UNKNOWN),
    /** HTTP 5xx: the service failed. */
    SERVER_ERROR(Verdict.UNKNOWN),
    /** No answer within the time-out. */
    TIMEOUT(Verdict.UNKNOWN),
    /** No connection: unknown host, refused connection, TLS failure. */
    UNREACHABLE(Verdict.UNKNOWN),
    /** The connection closed before an answer came. */
    NO_ANSWER(Verdict.UNKNOWN),
    /** An answer that is neither a token nor a refusal, such as a redirect or an HTML page. */
    UNEXPECTED_ANSWER(Verdict.UNKNOWN);

    private final Verdict verdict;

    Outcome(Verdict verdict) {
        this.verdict = verdict;
    }

    /** The verdict this outcome amounts to. */
    public Verdict verdict() {
        return verdict;
    }
}
