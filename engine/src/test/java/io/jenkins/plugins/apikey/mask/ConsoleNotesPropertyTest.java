package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.mask.FormCheck.indexOf;
import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Jenkins console notes among random text and keys: well-formed notes that hold no form pass
 * byte-identical and in place, keys split by them are masked, anything note-shaped that is not a
 * note is masked like text, and what the stream holds stays bounded whatever the notes.
 */
class ConsoleNotesPropertyTest {

    private static final String START = "\u001B[8mha:";
    private static final String END = "\u001B[0m";

    /** One generated case; its text holds a key, so only its sizes are shown. */
    record Case(byte[] key, byte[] text, List<byte[]> notes, Chunking chunking) {
        @Override
        public String toString() {
            return "case with a " + key.length + "-byte key and " + notes.size() + " notes in " + text.length
                    + " bytes";
        }
    }

    @Test
    void notesPassInPlaceAndKeysAreMatchedAcrossThem() {
        forAll(
                300,
                random -> {
                    byte[] key = Keys.any().next(random);
                    List<byte[]> notes = new ArrayList<>();
                    StringBuilder text = new StringBuilder(Keys.filler(5).next(random));
                    String printed = new String(key, StandardCharsets.ISO_8859_1);
                    int cuts = random.nextInt(4);
                    int at = 0;
                    for (int i = 0; i < cuts && at < printed.length() - 1; i++) {
                        int cut = at + 1 + random.nextInt(printed.length() - 1 - at);
                        text.append(printed, at, cut);
                        String note = note(random);
                        notes.add(note.getBytes(StandardCharsets.ISO_8859_1));
                        text.append(note);
                        at = cut;
                    }
                    text.append(printed.substring(at)).append(Keys.filler(4).next(random));
                    text.append(Gen.oneOf(
                                    START + "QUJD",
                                    START + "QU JD" + END,
                                    START + Base64.getEncoder().encodeToString(key) + END,
                                    START + "AAAA" + END + START,
                                    "\u001B[8m" + printed + END,
                                    "")
                            .next(random));
                    text.append(Keys.filler(4).next(random));
                    return new Case(
                            key,
                            text.toString().getBytes(StandardCharsets.ISO_8859_1),
                            notes,
                            Chunking.upTo(80).next(random));
                },
                c -> {
                    NaiveMasker oracle = new NaiveMasker(List.of(c.key()), 4, true);
                    byte[] masked = c.chunking().write(SecretMatcher.compileBytes(List.of(c.key())), c.text(), true);
                    assertThat(Arrays.equals(masked, oracle.mask(c.text())))
                            .as("masked like the oracle")
                            .isTrue();
                    byte[] seen = oracle.lex(masked).text();
                    for (byte[] form : oracle.forms()) {
                        assertThat(indexOf(seen, form)).as("a form survives").isNegative();
                    }
                    int from = 0;
                    for (byte[] note : c.notes()) {
                        int found = indexOf(Arrays.copyOfRange(masked, from, masked.length), note);
                        assertThat(found)
                                .as("a note between parts of the key is kept, in order")
                                .isNotNegative();
                        from += found + note.length;
                    }
                });
    }

    /** However the notes come, the stream holds at most the longest note twice and its text buffer. */
    @Test
    void heldBytesStayBoundedAndNothingIsLost() {
        forAll(
                20,
                random -> {
                    byte[] key = Keys.ascii(Keys.uuid(random));
                    StringBuilder text = new StringBuilder();
                    for (int i = random.nextInt(200); i > 0; i--) {
                        switch (random.nextInt(4)) {
                            case 0 ->
                                text.append(new String(key, 0, 1 + random.nextInt(20), StandardCharsets.US_ASCII));
                            case 1 -> text.append(note(random));
                            case 2 -> text.append(START).append("A".repeat(random.nextInt(2000)));
                            default -> text.append((char) ('a' + random.nextInt(26)));
                        }
                    }
                    byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
                    return new Case(key, bytes, List.of(), Chunking.upTo(500).next(random));
                },
                c -> {
                    SecretMatcher matcher = SecretMatcher.compileBytes(List.of(c.key()));
                    CountingSink sink = new CountingSink();
                    try (MaskingOutputStream out = matcher.newStream(sink, true)) {
                        int capacity = out.capacity();
                        for (int at = 0, i = 0; at < c.text().length; i++) {
                            int size = Math.min(
                                    c.chunking()
                                            .sizes()
                                            .get(i % c.chunking().sizes().size()),
                                    c.text().length - at);
                            out.write(c.text(), at, size);
                            at += size;
                            assertThat(out.heldInvisibleBytes())
                                    .isLessThanOrEqualTo(3 * MaskingOutputStream.MAX_NOTE_LENGTH);
                            assertThat(out.capacity()).isEqualTo(capacity);
                        }
                    }
                    byte[] expected = new NaiveMasker(List.of(c.key()), 4, true).mask(c.text());
                    assertThat(sink.count).isEqualTo(expected.length);
                });
    }

    /** A well-formed note: Base64 of random bytes, now and then of more than 64 KiB. */
    static String note(Random random) {
        int size = random.nextInt(50) == 0 ? 50_000 + random.nextInt(30_000) : random.nextInt(300);
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        return START + Base64.getEncoder().encodeToString(payload) + END;
    }
}
