package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The check every property of a form class makes: the stream, written in random chunks, masks
 * exactly what the {@link NaiveMasker} oracle masks (so text without secrets is byte-identical),
 * and none of the ways the test printed the secret survives in what matching sees of the output.
 * Failures name what went wrong, never the secret.
 */
final class FormCheck {

    private FormCheck() {}

    static void holds(
            List<byte[]> secrets, int minLength, byte[] text, List<byte[]> printed, Chunking chunking, boolean notes)
            throws IOException {
        SecretMatcher matcher = SecretMatcher.compileBytes(secrets, minLength);
        NaiveMasker oracle = new NaiveMasker(secrets, minLength, notes);
        byte[] masked = chunking.write(matcher, text, notes);
        assertThat(Arrays.equals(masked, oracle.mask(text)))
                .as("the stream masks what the oracle masks")
                .isTrue();
        byte[] seen = oracle.lex(masked).text();
        for (int i = 0; i < printed.size(); i++) {
            assertThat(indexOf(seen, printed.get(i)))
                    .as("printed form %d of the secret survives", i)
                    .isNegative();
        }
    }

    static int indexOf(byte[] text, byte[] part) {
        outer:
        for (int p = 0; p + part.length <= text.length; p++) {
            for (int k = 0; k < part.length; k++) {
                if (text[p + k] != part[k]) {
                    continue outer;
                }
            }
            return p;
        }
        return -1;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
