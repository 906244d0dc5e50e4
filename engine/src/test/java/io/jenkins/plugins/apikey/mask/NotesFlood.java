package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes 200 MB of console notes of every kind through a masking stream, for {@link
 * NotesMemoryTest} to run in a small heap: small notes between lines, notes of the longest length,
 * notes inside the held start of a key, note starts that never end. Exits with status 0 when
 * every byte came out and the keys were masked.
 */
public final class NotesFlood {

    static final long TOTAL = 200L * 1000 * 1000;
    private static final String KEY = "7d1f8a3e-5b2c-4c1e-9f0a-2b3c4d5e6f70";

    private NotesFlood() {}

    public static void main(String[] args) throws IOException {
        CountingSink sink = new CountingSink();
        byte[] small = ascii("\u001B[8mha:" + "QUJD".repeat(60) + "\u001B[0m[Pipeline] sh\n");
        byte[] longest = note(MaskingOutputStream.MAX_NOTE_LENGTH);
        byte[] unterminated = ascii("\u001B[8mha:" + "A".repeat(MaskingOutputStream.MAX_NOTE_LENGTH));
        byte[] keyStart = ascii("key " + KEY.substring(0, 20));
        byte[] keyEnd = ascii(KEY.substring(20) + "\n");
        long written = 0;
        long keys = 0;
        try (MaskingOutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            while (written < TOTAL) {
                for (int i = 0; i < 1000; i++) {
                    out.write(small);
                    written += small.length;
                }
                out.write(unterminated);
                out.write(keyStart);
                // far more notes inside the held start of a key than the stream may hold
                for (int i = 0; i < 180; i++) {
                    out.write(longest);
                    written += longest.length;
                }
                out.write(keyEnd);
                written += unterminated.length + keyStart.length + keyEnd.length;
                keys++;
            }
        }
        long expected = written - keys * (KEY.length() - MaskingOutputStream.MASK.length());
        if (sink.count != expected || sink.masks != keys) {
            System.err.println(
                    "wrote " + written + " bytes, got " + sink.count + ", masked " + sink.masks + " of " + keys);
            System.exit(1);
        }
    }

    private static byte[] note(int length) {
        byte[] note = new byte[length];
        Arrays.fill(note, (byte) 'A');
        byte[] start = ascii("\u001B[8mha:");
        byte[] end = ascii("\u001B[0m");
        System.arraycopy(start, 0, note, 0, start.length);
        System.arraycopy(end, 0, note, length - end.length, end.length);
        return note;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
