package io.jenkins.plugins.apikey.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * What the plugin remembers of a key's value to detect rotation, wherever it happens (the API
 * Keys page, the credentials UI, Configuration as Code): a keyed hash of the value, never the
 * value or a plain hash of it.
 *
 * @param fingerprint the keyed hash of the value last seen
 * @param firstSeen when the key was first seen
 * @param lastRotated when its value was last seen to change, or {@code null}
 */
public record KeyHistory(String fingerprint, Instant firstSeen, Instant lastRotated) {

    /** The history after seeing the key with {@code fingerprint} at {@code now}. */
    public static KeyHistory observe(KeyHistory previous, String fingerprint, Instant now) {
        Objects.requireNonNull(fingerprint);
        if (previous == null) {
            return new KeyHistory(fingerprint, now, null);
        }
        if (previous.fingerprint().equals(fingerprint)) {
            return previous;
        }
        return new KeyHistory(fingerprint, previous.firstSeen(), now);
    }
}
