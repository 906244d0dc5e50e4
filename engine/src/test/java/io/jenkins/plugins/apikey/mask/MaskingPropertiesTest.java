package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of the masking stream over random secrets (ASCII, multi-byte UTF-8, multi-line),
 * random text mixing them in random forms with near misses, and random write and flush chunking,
 * checked against the brute-force {@link NaiveMasker}.
 */
class MaskingPropertiesTest {

    private static final List<String> SECRET_PIECES = List.of(
            "a", "b", "c", "x", "A", "B", "0", "1", "9", "-", "_", ".", "/", "+", "=", " ", "'", "\"", "&", "<", "%",
            "$", "\\", "é", "€", "😀", "\n");
    private static final List<String> TEXT_PIECES = List.of(
            "a", "b", "c", "A", "0", "1", " ", "-", "=", "'", "%", "\n", "\r", "é", "😀", "[INFO] ", "ab", "0a",
            "QUJD");
    /** Colour sequences, note starts and notes, alone or as they are cut off. */
    private static final List<String> ESCAPE_PIECES =
            List.of("\u001B[31m", "\u001B[0m", "\u001B[", "\u001B[8mha:", "\u001B[8mha:QUJD\u001B[0m");

    private static final Pattern NOTE = Pattern.compile("\u001B\\[8mha:[A-Za-z0-9+/=]*\u001B\\[0m");
    private static final Gen<Integer> MIN_LENGTHS = Gen.oneOf(1, 2, 3, 4, 4, 4, 5, 8);

    /** One generated case: what is masked, the text, and how it is written. */
    record Scenario(List<String> secrets, int minLength, String text, Chunking chunking) {
        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        NaiveMasker oracle(boolean notes) {
            return new NaiveMasker(secrets, minLength, notes);
        }

        SecretMatcher matcher() {
            return SecretMatcher.compile(secrets, minLength);
        }
    }

    @Test
    void streamMasksExactlyWhatTheNaiveOracleMasks() {
        forAll(1500, scenarios(true), scenario -> {
            for (boolean notes : new boolean[] {false, true}) {
                assertThat(write(scenario.matcher(), scenario, scenario.bytes(), notes))
                        .isEqualTo(scenario.oracle(notes).mask(scenario.bytes()));
            }
        });
    }

    /**
     * A log stream (never closed by Pipeline) holds back after each write only the possible start
     * of a form, in what matching sees, and the start of an escape sequence or note not yet ended.
     */
    @Test
    void logStreamHoldsBackOnlyThePossibleStartOfAForm() {
        forAll(1500, scenarios(true), scenario -> {
            byte[] text = scenario.bytes();
            NaiveMasker oracle = scenario.oracle(true);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            MaskingOutputStream out = scenario.matcher().newLogStream(sink);
            List<Integer> sizes = scenario.chunking().sizes();
            for (int at = 0, i = 0; at < text.length; i++) {
                int size = Math.min(sizes.get(i % sizes.size()), text.length - at);
                out.write(text, at, size);
                at += size;
                int unlexed = out.heldUnlexedBytes();
                assertThat(unlexed == 0 || text[at - unlexed] == 0x1B)
                        .as("bytes held before lexing: the start of an escape sequence or note")
                        .isTrue();
                byte[] seen = oracle.lex(Arrays.copyOf(text, at - unlexed)).text();
                int held = out.heldBytes();
                assertThat(held == 0 || endsInTheStartOfAForm(seen, seen.length - held, seen.length, oracle))
                        .as("text held back after a write: nothing, or the end of a possible start of a form")
                        .isTrue();
            }
            out.close();

            assertThat(sink.toByteArray()).isEqualTo(oracle.mask(text));
        });
    }

    private static boolean endsInTheStartOfAForm(byte[] text, int from, int end, NaiveMasker oracle) {
        for (int p = from; p >= 0; p--) {
            int length = end - p;
            for (byte[] form : oracle.forms()) {
                if (form.length > length && Arrays.equals(form, 0, length, text, p, end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Long texts in large writes: the search goes over long ranges at once, as short ones never make it. */
    @Test
    void longTextsInLargeWritesMatchTheOracle() {
        forAll(150, longScenarios(), scenario -> assertThat(
                        write(scenario.matcher(), scenario, scenario.bytes(), false))
                .isEqualTo(scenario.oracle(false).mask(scenario.bytes())));
    }

    /** What matching sees of the output must hold no form: masking leaves nothing to find. */
    @Test
    void noFormOfAnySecretSurvives() {
        forAll(1500, scenarios(true), scenario -> {
            NaiveMasker oracle = scenario.oracle(false);
            byte[] masked = write(scenario.matcher(), scenario, scenario.bytes(), false);
            String seen = new String(oracle.lex(masked).text(), StandardCharsets.ISO_8859_1);
            for (byte[] form : oracle.forms()) {
                assertThat(seen).doesNotContain(new String(form, StandardCharsets.ISO_8859_1));
            }
        });
    }

    @Test
    void textWithoutSecretsIsByteIdentical() {
        AtomicInteger checked = new AtomicInteger();
        forAll(500, scenarios(false), scenario -> {
            byte[] text = scenario.bytes();
            for (boolean notes : new boolean[] {false, true}) {
                // with notes invisible, text on both sides of one may join into a form
                if (Arrays.equals(scenario.oracle(notes).mask(text), text)) {
                    checked.incrementAndGet();
                    assertThat(write(scenario.matcher(), scenario, text, notes)).isEqualTo(text);
                }
            }
        });
        assertThat(checked.get()).as("cases without any form").isGreaterThan(500);
    }

    @Test
    void consoleNotesStayIntactAndInvisibleToMatching() {
        Gen<List<String>> notes = Gen.oneOf(List.of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/=".split("")))
                .joined(0, 40)
                .map(body -> "\u001B[8mha:" + body + "\u001B[0m")
                .list(0, 4);
        forAll(1000, scenarios(true, false).flatMap(s -> notes.map(n -> new Object[] {s, n})), pair -> {
            Scenario scenario = (Scenario) pair[0];
            @SuppressWarnings("unchecked")
            List<String> inserted = (List<String>) pair[1];
            String withNotes = insert(scenario.text(), inserted);

            String masked = new String(
                    write(scenario.matcher(), scenario, withNotes.getBytes(StandardCharsets.UTF_8), true),
                    StandardCharsets.UTF_8);

            NaiveMasker oracle = scenario.oracle(true);
            assertThat(masked.getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(oracle.mask(withNotes.getBytes(StandardCharsets.UTF_8)));
            if (inserted.stream().allMatch(note -> oracle.lex(utf8(note)).text().length == 0)) {
                List<String> notesOut = new ArrayList<>();
                Matcher found = NOTE.matcher(masked);
                while (found.find()) {
                    notesOut.add(found.group());
                }
                assertThat(notesOut).isEqualTo(inserted);
                assertThat(NOTE.matcher(masked).replaceAll(""))
                        .isEqualTo(new String(oracle.mask(scenario.bytes()), StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void deserializedMatcherMasksTheSame() {
        forAll(200, scenarios(true), scenario -> {
            SecretMatcher matcher = scenario.matcher();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(matcher);
            }
            SecretMatcher copy;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (SecretMatcher) in.readObject();
            }

            assertThat(write(copy, scenario, scenario.bytes(), false))
                    .isEqualTo(write(matcher, scenario, scenario.bytes(), false));
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Spreads {@code notes} evenly over {@code plain}, never inside a surrogate pair. */
    private static String insert(String plain, List<String> notes) {
        StringBuilder withNotes = new StringBuilder();
        int step = Math.max(1, plain.length() / (notes.size() + 1));
        int at = 0;
        for (String note : notes) {
            int next = Math.min(plain.length(), at + step);
            if (next < plain.length() && Character.isLowSurrogate(plain.charAt(next))) {
                next++;
            }
            withNotes.append(plain, at, next).append(note);
            at = next;
        }
        return withNotes.append(plain.substring(at)).toString();
    }

    private static byte[] write(SecretMatcher matcher, Scenario scenario, byte[] text, boolean notes)
            throws IOException {
        return scenario.chunking().write(matcher, text, notes);
    }

    static Gen<Scenario> scenarios(boolean mixInForms) {
        return scenarios(mixInForms, true);
    }

    /** Random cases; {@code escapes} adds colour sequences and note-shaped pieces to the text. */
    private static Gen<Scenario> scenarios(boolean mixInForms, boolean escapes) {
        Gen<List<String>> secrets = Gen.oneOf(SECRET_PIECES).joined(0, 24).list(1, 4);
        return random -> {
            List<String> list = secrets.next(random);
            int minLength = MIN_LENGTHS.next(random);
            Gen<String> filler = filler(escapes);
            String text =
                    (mixInForms ? segment(list, filler) : filler).joined(0, 14).next(random);
            return new Scenario(list, minLength, text, Chunking.upTo(70).next(random));
        };
    }

    static Gen<Scenario> longScenarios() {
        Gen<List<String>> secrets = Gen.oneOf(SECRET_PIECES).joined(16, 40).list(1, 6);
        return random -> {
            List<String> list = secrets.next(random);
            String text = segment(list, filler(true)).joined(200, 600).next(random);
            return new Scenario(
                    list,
                    SecretMatcher.DEFAULT_MIN_LENGTH,
                    text,
                    Chunking.upTo(20000).next(random));
        };
    }

    /** Filler, a whole form of a secret, or the start of one. */
    private static Gen<String> segment(List<String> secrets, Gen<String> filler) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            forms.addAll(SecretForms.of(secret));
        }
        if (forms.isEmpty()) {
            return filler;
        }
        Gen<String> form = Gen.oneOf(forms);
        Gen<String> prefix = form.flatMap(f -> Gen.ints(0, f.length()).map(n -> prefix(f, n)));
        return Gen.weighted(4, filler, 3, form, 2, prefix);
    }

    private static String prefix(String form, int length) {
        return length > 0 && Character.isHighSurrogate(form.charAt(length - 1))
                ? form.substring(0, length - 1)
                : form.substring(0, length);
    }

    private static Gen<String> filler(boolean escapes) {
        List<String> pieces = new ArrayList<>(TEXT_PIECES);
        if (escapes) {
            pieces.addAll(ESCAPE_PIECES);
        }
        return Gen.oneOf(pieces).joined(0, 8);
    }
}
