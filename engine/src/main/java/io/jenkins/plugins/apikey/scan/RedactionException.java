package io.jenkins.plugins.apikey.scan;

import java.io.IOException;

/** A file could not be redacted and is unchanged; the message says why and what to do. */
public final class RedactionException extends IOException {

    private static final long serialVersionUID = 1L;

    RedactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
