package io.jenkins.plugins.apikey.cli;

/**
 * A {@code run} that cannot start its command, with the exit status that says why (the
 * {@code sysexits.h} and {@code env(1)} conventions, so they rarely clash with the command's own).
 */
final class RunFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Bad options, an unknown preset or a bad environment file. */
    static final int USAGE = 64;
    /** A key that fails its preset's checks, or a binding that cannot be made. */
    static final int INVALID_KEY = 65;
    /** A key source that is missing: an unset variable, an unreadable file, empty input. */
    static final int NO_INPUT = 66;
    /** The token exchange failed: the service refused the credentials or could not be reached. */
    static final int UNAVAILABLE = 69;
    /** {@code run} itself failed, such as writing a key file. */
    static final int SOFTWARE = 70;
    /** The command exists but cannot be executed. */
    static final int CANNOT_EXECUTE = 126;
    /** The command was not found. */
    static final int NOT_FOUND = 127;

    private final int status;

    RunFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
