package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * Where a form of a compiled secret occurs in a stream. Holds positions and names only, never the
 * bytes found.
 *
 * @param start the offset of its first byte in the stream
 * @param end the offset after its last byte
 * @param secret the secret's position in the list given to {@link SecretLocator#compile}
 * @param form the kind of form, such as {@code plain}, {@code base64} or {@code json}
 * @param kept the ranges inside {@code [start, end)} that matching skipped: colour sequences,
 *     console notes and the line breaks of wrapped Base64, which masking keeps in place
 */
public record Occurrence(long start, long end, int secret, String form, List<Range> kept) {

    /**
     * A range of bytes in a stream.
     *
     * @param start the offset of its first byte
     * @param end the offset after its last byte
     */
    public record Range(long start, long end) {}

    public Occurrence {
        kept = List.copyOf(kept);
    }
}
