package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.mask.Occurrence;
import java.nio.file.Path;
import java.util.List;

/**
 * A key found in a file: where, by which rule, in which form. Holds no part of the key, so it is
 * safe to show, write and keep. Lines and columns count from 1, columns in bytes; a gzip file's
 * positions are those of its decompressed content.
 *
 * @param file the file, as the scan reached it
 * @param offset where the key starts
 * @param length how many bytes it takes, skipped segments included
 * @param line the line it starts on
 * @param column the column it starts at
 * @param endLine the line of its last byte
 * @param endColumn the column after its last byte
 * @param charColumn the column it starts at in UTF-16 code units, as SARIF counts, or 0 when not
 *     known (a key in a line longer than the scanner's buffer)
 * @param charEndColumn the UTF-16 column after its last byte, or 0 when not known
 * @param rule for a known key its name, else the id of the preset whose shape found it
 * @param known whether it is a known key
 * @param preset the id of its preset
 * @param form how it was written, such as {@code plain}, {@code base64} or {@code json}
 * @param hint the key's non-secret hint (as its preset makes it), or an empty string
 * @param key a number that is the same for the same key within one scan, and says nothing else
 * @param liveness whether the key works, when the scan verified keys, else {@code null}
 * @param kept ranges inside the key that a redaction keeps: colour sequences, console notes, line
 *     breaks of wrapped Base64
 */
public record Leak(
        Path file,
        long offset,
        long length,
        long line,
        long column,
        long endLine,
        long endColumn,
        long charColumn,
        long charEndColumn,
        String rule,
        boolean known,
        String preset,
        String form,
        String hint,
        int key,
        Liveness liveness,
        List<Occurrence.Range> kept) {

    public Leak {
        kept = List.copyOf(kept);
    }

    /** Where the key ends: the offset after its last byte. */
    public long end() {
        return offset + length;
    }

    /** The same leak with {@code liveness}. */
    public Leak withLiveness(Liveness liveness) {
        return new Leak(
                file,
                offset,
                length,
                line,
                column,
                endLine,
                endColumn,
                charColumn,
                charEndColumn,
                rule,
                known,
                preset,
                form,
                hint,
                key,
                liveness,
                kept);
    }
}
