package io.jenkins.plugins.apikey.inventory;

import java.time.Instant;

/**
 * What the inventory shows of one key: identifiers, hint and history, never the key.
 *
 * @param id the credentials id
 * @param kind {@code API key} or {@code Client credentials}
 * @param service the preset's display name
 * @param hint the non-secret hint, possibly empty
 * @param description the credentials' description, possibly empty
 * @param store where the key is stored, such as "Jenkins", a folder's or a user's name, or the secret directory
 * @param scope the credentials scope, such as {@code GLOBAL}
 * @param firstSeen when the plugin first saw this key, or {@code null}
 * @param lastRotated when the key's value last changed, or {@code null} if never seen to change
 * @param lastUsed when a build last bound the key, or {@code null}
 * @param lastUsedBy the build that last bound it, or {@code null}
 * @param revokedAt when the key was revoked, or {@code null} if it is not
 * @param revokedBy who revoked it, or {@code null}
 * @param editable whether the key can be changed in Jenkins (not for the secret directory)
 */
public record KeyRecord(
        String id,
        String kind,
        String service,
        String hint,
        String description,
        String store,
        String scope,
        Instant firstSeen,
        Instant lastRotated,
        Instant lastUsed,
        String lastUsedBy,
        Instant revokedAt,
        String revokedBy,
        boolean editable) {

    /** Whether the key is revoked. */
    public boolean revoked() {
        return revokedAt != null;
    }

    /** When the key's current value took effect: the last rotation, else when it was first seen. */
    public Instant currentSince() {
        return lastRotated != null ? lastRotated : firstSeen;
    }
}
