package io.jenkins.plugins.apikey.mask;

import io.jenkins.plugins.apikey.testing.Gen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * How a text is written to a masking stream: write sizes and whether to flush after each write,
 * used in turn. Single bytes go alternately through {@code write(int)}.
 *
 * @param sizes write sizes, used in turn
 * @param flushes whether to flush after each write, used in turn
 */
record Chunking(List<Integer> sizes, List<Boolean> flushes) {

    /** Random chunkings with writes of 1 to {@code largest} bytes. */
    static Gen<Chunking> upTo(int largest) {
        Gen<List<Integer>> sizes = Gen.ints(1, largest).list(1, 8);
        Gen<List<Boolean>> flushes = Gen.booleans().list(1, 5);
        return random -> new Chunking(sizes.next(random), flushes.next(random));
    }

    /** What the stream of {@code matcher} writes for {@code text} written this way. */
    byte[] write(SecretMatcher matcher, byte[] text, boolean notes) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = matcher.newStream(sink, notes)) {
            int at = 0;
            for (int i = 0; at < text.length; i++) {
                int size = Math.min(sizes.get(i % sizes.size()), text.length - at);
                if (size == 1 && (i & 1) == 0) {
                    out.write(text[at]);
                } else {
                    out.write(text, at, size);
                }
                if (flushes.get(i % flushes.size())) {
                    out.flush();
                }
                at += size;
            }
        }
        return sink.toByteArray();
    }
}
