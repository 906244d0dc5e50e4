package io.jenkins.plugins.apikey.preset;

/**
 * One thing found wrong with a value. Holds no part of the value, so it is safe to show and log.
 *
 * @param severity whether the value is refused or only questioned
 * @param code a stable identifier for tests and tools, such as {@code key.padded}
 * @param message what is wrong and how to fix it
 */
public record Finding(Severity severity, String code, String message) {

    static Finding error(String code, String message) {
        return new Finding(Severity.ERROR, code, message);
    }

    static Finding warning(String code, String message) {
        return new Finding(Severity.WARNING, code, message);
    }

    /** Whether this finding refuses the value. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
