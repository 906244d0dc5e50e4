package io.jenkins.plugins.apikey.preset;

/** How serious a {@link Finding} is. */
public enum Severity {
    /** The value cannot work or cannot be kept safe: it is refused. */
    ERROR,
    /** The value is unusual for the service but may still be right: it is accepted with a note. */
    WARNING
}
