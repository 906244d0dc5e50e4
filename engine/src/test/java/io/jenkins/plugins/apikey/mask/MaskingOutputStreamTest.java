package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {

    private static final String KEY = "7d1f8a3e-5b2c-4c1e-9f0a-2b3c4d5e6f70";
    private static final String NOTE =
            "\u001B[8mha:AAAAWB+LCAAAAAAAAP9b85aBtbiIQSmjNKU4P08vOT+vOD8nVc83PyU1x6OyILUoJzMv2y+/JJUBAAcvOD1BAAAA\u001B[0m";

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    private static String mask(List<String> secrets, String text) throws IOException {
        return SecretMatcher.compile(secrets).mask(text);
    }

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void logStreamPassesOnEachLineWithoutAFlush() throws IOException {
        MaskingOutputStream log = SecretMatcher.compile(List.of(KEY)).newLogStream(sink);

        log.write(utf8("[Pipeline] echo\nkey=" + KEY + " done\n"));

        assertThat(written()).isEqualTo("[Pipeline] echo\nkey=**** done\n");
    }

    @Test
    void logStreamHoldsTheStartOfAKeyUntilTheNextWrite() throws IOException {
        MaskingOutputStream log = SecretMatcher.compile(List.of(KEY)).newLogStream(sink);

        log.write(utf8("key=" + KEY.substring(0, 20)));
        String beforeTheRest = written();
        log.write(utf8(KEY.substring(20) + "\n"));

        assertThat(beforeTheRest).isEqualTo("key=");
        assertThat(written()).isEqualTo("key=****\n");
    }

    @Test
    void literalKeyIsMasked() throws IOException {
        assertThat(mask(List.of(KEY), "katalonc -apiKey=" + KEY + " -retry=0\n"))
                .isEqualTo("katalonc -apiKey=**** -retry=0\n");
    }

    @Test
    void basicAuthHeaderIsMaskedWithoutShowingAnyKeyCharacters() throws IOException {
        String header = Base64.getEncoder().encodeToString(utf8(":" + KEY));

        String masked = mask(List.of(KEY), "Authorization: Basic " + header + "\n");

        assertThat(masked).startsWith("Authorization: Basic ").contains("****").doesNotContain(header);
        assertThat(masked.length()).isLessThan(("Authorization: Basic " + header).length());
    }

    @Test
    void urlEncodedJsonAndXmlFormsAreMasked() throws IOException {
        String secret = "p@ss word/\"&<x>";
        String text = "url=https://h/?k=p%40ss+word%2F%22%26%3Cx%3E json={\"k\":\"p@ss word/\\\"&<x>\"} "
                + "xml=<k v=\"p@ss word/&quot;&amp;&lt;x&gt;\"/> sh='p@ss word/\"&<x>'\n";

        assertThat(mask(List.of(secret), text))
                .isEqualTo("url=https://h/?k=**** json={\"k\":\"****\"} xml=<k v=\"****\"/> sh=****\n");
    }

    @Test
    void shellTraceFormsAreMasked() throws IOException {
        String secret = "it's-a-secret";

        assertThat(mask(List.of(secret), "+ curl -H 'X-Key: it'\\''s-a-secret'\n+ echo 'it'\"'\"'s-a-secret'\n"))
                .isEqualTo("+ curl -H 'X-Key: ****'\n+ echo ****\n");
    }

    @Test
    void matchAcrossEveryWriteBoundary() throws IOException {
        byte[] text = utf8("before " + KEY + " after");
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink)) {
            for (byte b : text) {
                out.write(b);
            }
        }
        assertThat(written()).isEqualTo("before **** after");
    }

    @Test
    void overlappingSecretsAreMaskedAsTheirUnion() throws IOException {
        assertThat(mask(List.of("abcdefgh", "efghijkl"), "xx abcdefghijkl yy")).isEqualTo("xx **** yy");
    }

    @Test
    void adjacentSecretsBecomeOneMask() throws IOException {
        assertThat(mask(List.of("abcdefgh", "ijklmnop"), "<abcdefghijklmnop>")).isEqualTo("<****>");
    }

    @Test
    void secretContainedInAnotherIsCoveredByTheLongerOne() throws IOException {
        assertThat(mask(List.of("secret-value-long", "value"), "a secret-value-long b value c"))
                .isEqualTo("a **** b **** c");
    }

    @Test
    void emptyAndOneCharacterSecretsAreIgnoredAndReported() throws IOException {
        SecretMatcher matcher = SecretMatcher.compile(List.of("", "x", KEY));

        assertThat(matcher.mask("x marks " + KEY)).isEqualTo("x marks ****");
        assertThat(matcher.unmaskable()).containsExactly(new UnmaskableSecret(1, UnmaskableSecret.Reason.TOO_SHORT));
    }

    @Test
    void minimumLengthIsConfigurable() throws IOException {
        assertThat(SecretMatcher.compile(List.of("abc"), 3).mask("xabcx")).isEqualTo("x****x");
        assertThat(SecretMatcher.compile(List.of("abc"), 4).mask("xabcx")).isEqualTo("xabcx");
        assertThatThrownBy(() -> SecretMatcher.compile(List.of("abc"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void secretEqualToTheMaskIsMaskedOnce() throws IOException {
        SecretMatcher matcher = SecretMatcher.compile(List.of("****"));
        try (MaskingOutputStream out = matcher.newStream(sink)) {
            out.write(utf8("a ******** b **** c"));
            out.flush();
            assertThat(out.maskedCount()).isEqualTo(2);
        }
        assertThat(written()).isEqualTo("a **** b **** c");
    }

    @Test
    void multiLineSecretIsMaskedWholeAndLineByLine() throws IOException {
        String pem = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----\n";

        assertThat(mask(List.of(pem), "key:\r\n" + pem.replace("\n", "\r\n") + "done\n"))
                .isEqualTo("key:\r\n****\r\ndone\n");
        assertThat(mask(List.of(pem), "line 2 is MIIEvQIBADANBgkqhkiG9w0BAQEFAASC only"))
                .isEqualTo("line 2 is **** only");
    }

    @Test
    void flushReleasesBytesThatCannotStartASecret() throws IOException {
        try (MaskingOutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink)) {
            out.write(utf8("progress 42%\r"));
            out.flush();
            assertThat(written()).isEqualTo("progress 42%\r");
            assertThat(out.heldBytes()).isZero();
        }
    }

    @Test
    void flushKeepsAPossibleSecretStartAndMasksItWhenCompleted() throws IOException {
        try (MaskingOutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink)) {
            out.write(utf8("key=" + KEY.substring(0, 20)));
            out.flush();
            assertThat(written()).isEqualTo("key=");
            out.write(utf8(KEY.substring(20) + "\n"));
            out.flush();
        }
        assertThat(written()).isEqualTo("key=****\n");
    }

    /** A held prefix at the end of the stream never became a key, so it is not one: kat_live_ stays. */
    @Test
    void closeWritesAHeldPrefixThatNeverBecameAKeyUnchanged() throws IOException {
        String katalo = "kat_live_AbCdEf123456.0123456789abcdefghijABCDEFGHIJ0123";
        try (OutputStream out = SecretMatcher.compile(List.of(katalo, KEY)).newStream(sink)) {
            out.write(utf8("prefix: kat_live_"));
            out.flush();
            assertThat(written()).isEqualTo("prefix: ");
            out.write(utf8("\ncut off: " + KEY.substring(0, 30)));
        }
        assertThat(written()).isEqualTo("prefix: kat_live_\ncut off: " + KEY.substring(0, 30));
    }

    @Test
    void holdsBackLessThanTheLongestForm() throws IOException {
        SecretMatcher matcher = SecretMatcher.compile(List.of(KEY));
        try (MaskingOutputStream out = matcher.newStream(sink)) {
            for (int i = 0; i < 5000; i++) {
                out.write(utf8("line " + i + " of output without secrets\n"));
                assertThat(out.heldBytes()).isLessThan(matcher.longestForm());
            }
        }
    }

    @Test
    void carriageReturnProgressFlowsWithoutNewlines() throws IOException {
        try (MaskingOutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink)) {
            for (int percent = 0; percent <= 100; percent++) {
                out.write(utf8("\rDownloading plugin " + percent + "%"));
                out.flush();
                assertThat(written()).endsWith("\rDownloading plugin " + percent + "%");
            }
        }
    }

    @Test
    void consoleNotesPassThroughUnchangedWhenAsked() throws IOException {
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            out.write(utf8(NOTE + "[Pipeline] sh " + KEY + "\n"));
        }
        assertThat(written()).isEqualTo(NOTE + "[Pipeline] sh ****\n");
    }

    @Test
    void noteThatHoldsAFormOfAKeyIsText() throws IOException {
        String note = "\u001B[8mha:" + Base64.getEncoder().encodeToString(utf8(KEY)) + "\u001B[0m";

        assertThat(SecretMatcher.compile(List.of(KEY)).mask(note)).isEqualTo("\u001B[8mha:****\u001B[0m");
    }

    @Test
    void consoleNotesAreMaskedLikeTextWhenNotAsked() throws IOException {
        String note = "\u001B[8mha:" + KEY + "\u001B[0m";

        assertThat(mask(List.of(KEY), note)).isEqualTo("\u001B[8mha:****\u001B[0m");
    }

    @Test
    void secretSplitByANoteIsMaskedAndTheNoteKept() throws IOException {
        byte[] text = utf8("a " + KEY.substring(0, 10) + NOTE + KEY.substring(10) + " b");
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            for (byte b : text) {
                out.write(b);
            }
        }
        assertThat(written()).isEqualTo("a ****" + NOTE + " b");
    }

    @Test
    void noteSplitAcrossWritesAndEscapeSequencesThatAreNotNotes() throws IOException {
        String text = "\u001B[31mred " + KEY + "\u001B[0m " + NOTE + "tail";
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            byte[] bytes = utf8(text);
            for (int i = 0; i < bytes.length; i += 3) {
                out.write(bytes, i, Math.min(3, bytes.length - i));
                out.flush();
            }
        }
        assertThat(written()).isEqualTo("\u001B[31mred ****\u001B[0m " + NOTE + "tail");
    }

    @Test
    void unterminatedNoteAndPartialNoteStartAreWrittenOnClose() throws IOException {
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            out.write(utf8("x \u001B[8mha:unterminated"));
        }
        assertThat(written()).isEqualTo("x \u001B[8mha:unterminated");
        sink.reset();
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            out.write(utf8("y \u001B[8m"));
        }
        assertThat(written()).isEqualTo("y \u001B[8m");
    }

    /** A key split by a note of more than 64 KiB used to pass. */
    @Test
    void keySplitByALongNoteIsMaskedAndTheNoteKept() throws IOException {
        String big = "\u001B[8mha:" + "A".repeat(100_000) + "\u001B[0m";
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            out.write(utf8("k=" + KEY.substring(0, 12) + big + KEY.substring(12) + " rest"));
        }
        assertThat(written()).isEqualTo("k=****" + big + " rest");
    }

    @Test
    void noteLongerThanTheLimitIsText() throws IOException {
        String body = "A".repeat(MaskingOutputStream.MAX_NOTE_LENGTH);
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            out.write(utf8("k=" + KEY.substring(0, 12) + "\u001B[8mha:" + body + "\u001B[0m" + KEY.substring(12)));
        }
        assertThat(written())
                .isEqualTo("k=" + KEY.substring(0, 12) + "\u001B[8mha:" + body + "\u001B[0m" + KEY.substring(12));
    }

    /**
     * Notes inside the held start of a key beyond what the stream may hold are written ahead of
     * it, whole and in order; the key is still masked.
     */
    @Test
    void notesBeyondTheLimitInsideAHeldKeyAreWrittenAheadOfIt() throws IOException {
        String note = "\u001B[8mha:" + "A".repeat(MaskingOutputStream.MAX_NOTE_LENGTH - 11) + "\u001B[0m";
        try (MaskingOutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            out.write(utf8("k=" + KEY.substring(0, 12)));
            for (int i = 0; i < 3; i++) {
                out.write(utf8(note));
                assertThat(out.heldInvisibleBytes()).isLessThanOrEqualTo(2 * MaskingOutputStream.MAX_NOTE_LENGTH);
            }
            out.write(utf8(KEY.substring(12) + "\n"));
        }
        assertThat(written()).isEqualTo(note + note + "k=****" + note + "\n");
    }

    /** A stray note start from an old log used to switch masking off until a later ESC[0m. */
    @Test
    void unterminatedNoteStartDoesNotHideWhatFollows() throws IOException {
        try (OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink, true)) {
            out.write(utf8("old log: \u001B[8mha:AAAA truncated\nkey " + KEY + "\n\u001B[0m"));
        }
        assertThat(written()).isEqualTo("old log: \u001B[8mha:AAAA truncated\nkey ****\n\u001B[0m");
    }

    /** A key written inside note-shaped bytes used to pass untouched. */
    @Test
    void keyInsideNoteShapedBytesIsMasked() throws IOException {
        String hexKey = "0123456789abcdef0123456789abcdef";
        try (OutputStream out = SecretMatcher.compile(List.of(hexKey)).newStream(sink, true)) {
            out.write(utf8("\u001B[8mha:AAAA" + hexKey + "AAAA\u001B[0m"));
        }
        assertThat(written()).isEqualTo("\u001B[8mha:AAAA****AAAA\u001B[0m");
    }

    @Test
    void nothingToMaskPassesEverythingThrough() throws IOException {
        try (OutputStream out = SecretMatcher.compile(List.of("", "ab")).newStream(sink, true)) {
            out.write(utf8("plain ab " + NOTE));
        }
        assertThat(written()).isEqualTo("plain ab " + NOTE);
    }

    @Test
    void writeAfterCloseFails() throws IOException {
        OutputStream out = SecretMatcher.compile(List.of(KEY)).newStream(sink);
        out.close();
        out.close();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void oneGibibyteLineWithoutNewlinePassesInBoundedMemory() throws IOException {
        SecretMatcher matcher = SecretMatcher.compile(List.of(KEY));
        CountingSink counter = new CountingSink();
        byte[] chunk = utf8("0123456789abcdef".repeat(4096));
        byte[] key = utf8(KEY);
        long total = 0;
        try (MaskingOutputStream out = matcher.newStream(counter)) {
            int capacity = out.capacity();
            for (int i = 0; total < (1L << 30); i++) {
                out.write(chunk);
                total += chunk.length;
                if (i % 1024 == 0) {
                    out.write(key);
                    total += key.length;
                }
                assertThat(out.heldBytes()).isLessThan(matcher.longestForm());
            }
            assertThat(out.capacity()).isEqualTo(capacity);
            assertThat(out.maskedCount()).isEqualTo(16);
        }
        assertThat(counter.count).isEqualTo(total - 16L * (key.length - MaskingOutputStream.MASK.length()));
    }
}
