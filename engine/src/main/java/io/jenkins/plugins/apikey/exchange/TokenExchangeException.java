package io.jenkins.plugins.apikey.exchange;

/** A token exchange that failed; the message says why and what to do, never a secret. */
public final class TokenExchangeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** 400: the service did not understand the request. */
        BAD_REQUEST,
        /** 401 or 403: the client id or secret is wrong or revoked. */
        UNAUTHORIZED,
        /** 429: too many requests. */
        RATE_LIMITED,
        /** 5xx: the service failed. */
        SERVER_ERROR,
        /** No answer in time. */
        TIMEOUT,
        /** The host could not be reached. */
        UNREACHABLE,
        /** An answer that is not a token. */
        BAD_RESPONSE
    }

    private final Kind kind;

    public TokenExchangeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
