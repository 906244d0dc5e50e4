package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the masking stream over random secrets (ASCII, multi-byte UTF-8, multi-line),
 * random text mixing them in random forms with near misses, and random write and flush chunking.
 */
class MaskingProperties {

    private static final List<String> SECRET_PIECES = List.of(
            "a", "b", "c", "x", "A", "B", "0", "1", "9", "-", "_", ".", "/", "+", "=", " ", "'", "\"", "&", "<", "%",
            "$", "\\", "é", "€", "😀", "\n");
    private static final List<String> TEXT_PIECES = List.of(
            "a",
            "b",
            "c",
            "A",
            "0",
            "1",
            " ",
            "-",
            "=",
            "'",
            "%",
            "\n",
            "\r",
            "é",
            "😀",
            "[INFO] ",
            "ab",
            "0a",
            "\u001B[31m");
    private static final Pattern NOTE = Pattern.compile("\u001B\\[8mha:[^\u001B]*\u001B\\[0m");

    /** One generated case: what is masked, the text, and how it is written. */
    record Scenario(List<String> secrets, int minLength, String text, List<Integer> chunks, List<Boolean> flushes) {
        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Property(tries = 1500)
    void streamMasksExactlyWhatTheNaiveOracleMasks(@ForAll("scenarios") Scenario scenario) throws IOException {
        NaiveMasker oracle = new NaiveMasker(scenario.secrets(), scenario.minLength());
        SecretMatcher matcher = SecretMatcher.compile(scenario.secrets(), scenario.minLength());

        byte[] masked = write(matcher, scenario, scenario.bytes(), false);

        assertThat(masked).isEqualTo(oracle.mask(scenario.bytes()));
    }

    /** Long texts in large writes reach the two-lane search, which short ones never use. */
    @Property(tries = 150)
    void longTextsInLargeWritesMatchTheOracle(@ForAll("longScenarios") Scenario scenario) throws IOException {
        NaiveMasker oracle = new NaiveMasker(scenario.secrets(), scenario.minLength());
        SecretMatcher matcher = SecretMatcher.compile(scenario.secrets(), scenario.minLength());

        assertThat(write(matcher, scenario, scenario.bytes(), false)).isEqualTo(oracle.mask(scenario.bytes()));
    }

    @Property(tries = 1500)
    void noFormOfAnySecretSurvives(@ForAll("scenarios") Scenario scenario) throws IOException {
        NaiveMasker oracle = new NaiveMasker(scenario.secrets(), scenario.minLength());
        SecretMatcher matcher = SecretMatcher.compile(scenario.secrets(), scenario.minLength());

        String masked = new String(write(matcher, scenario, scenario.bytes(), false), StandardCharsets.UTF_8);

        for (byte[] form : oracle.forms()) {
            assertThat(masked).doesNotContain(new String(form, StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 500)
    void textWithoutSecretsIsByteIdentical(@ForAll("plainScenarios") Scenario scenario) throws IOException {
        byte[] text = scenario.bytes();
        NaiveMasker oracle = new NaiveMasker(scenario.secrets(), scenario.minLength());
        Assume.that(Arrays.equals(oracle.mask(text), text));
        SecretMatcher matcher = SecretMatcher.compile(scenario.secrets(), scenario.minLength());

        assertThat(write(matcher, scenario, text, false)).isEqualTo(text);
        assertThat(write(matcher, scenario, text, true)).isEqualTo(text);
    }

    @Property(tries = 1000)
    void consoleNotesStayIntactAndInvisibleToMatching(
            @ForAll("scenarios") Scenario scenario, @ForAll("notes") List<String> notes) throws IOException {
        String plain = scenario.text();
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
        withNotes.append(plain.substring(at));
        NaiveMasker oracle = new NaiveMasker(scenario.secrets(), scenario.minLength());
        SecretMatcher matcher = SecretMatcher.compile(scenario.secrets(), scenario.minLength());

        String masked = new String(
                write(matcher, scenario, withNotes.toString().getBytes(StandardCharsets.UTF_8), true),
                StandardCharsets.UTF_8);

        List<String> notesOut = new ArrayList<>();
        Matcher found = NOTE.matcher(masked);
        while (found.find()) {
            notesOut.add(found.group());
        }
        assertThat(notesOut).isEqualTo(notes);
        String withoutNotes = NOTE.matcher(masked).replaceAll("");
        assertThat(withoutNotes).isEqualTo(new String(oracle.mask(scenario.bytes()), StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void deserializedMatcherMasksTheSame(@ForAll("scenarios") Scenario scenario) throws Exception {
        SecretMatcher matcher = SecretMatcher.compile(scenario.secrets(), scenario.minLength());
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
    }

    private static byte[] write(SecretMatcher matcher, Scenario scenario, byte[] text, boolean notes)
            throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = matcher.newStream(sink, notes)) {
            int at = 0;
            int i = 0;
            while (at < text.length) {
                int size = Math.min(scenario.chunks().get(i % scenario.chunks().size()), text.length - at);
                if (size == 1 && (i & 1) == 0) {
                    out.write(text[at]);
                } else {
                    out.write(text, at, size);
                }
                if (scenario.flushes().get(i % scenario.flushes().size())) {
                    out.flush();
                }
                at += size;
                i++;
            }
        }
        return sink.toByteArray();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return scenarios(true);
    }

    @Provide
    Arbitrary<Scenario> plainScenarios() {
        return scenarios(false);
    }

    @Provide
    Arbitrary<Scenario> longScenarios() {
        Arbitrary<String> secret =
                Arbitraries.of(SECRET_PIECES).list().ofMinSize(16).ofMaxSize(40).map(pieces -> String.join("", pieces));
        return secret.list().ofMinSize(1).ofMaxSize(6).flatMap(list -> {
            Arbitrary<String> text =
                    segment(list).list().ofMinSize(200).ofMaxSize(600).map(parts -> String.join("", parts));
            Arbitrary<List<Integer>> chunks =
                    Arbitraries.integers().between(1, 20000).list().ofMinSize(1).ofMaxSize(4);
            Arbitrary<List<Boolean>> flushes =
                    Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(3);
            return Combinators.combine(text, chunks, flushes)
                    .as((t, c, f) -> new Scenario(list, SecretMatcher.DEFAULT_MIN_LENGTH, t, c, f));
        });
    }

    private static Arbitrary<Scenario> scenarios(boolean mixInForms) {
        Arbitrary<String> secret =
                Arbitraries.of(SECRET_PIECES).list().ofMinSize(0).ofMaxSize(24).map(pieces -> String.join("", pieces));
        Arbitrary<List<String>> secrets = secret.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Integer> minLength = Arbitraries.of(1, 2, 3, 4, 4, 4, 5, 8);
        return Combinators.combine(secrets, minLength).flatAs((list, min) -> {
            Arbitrary<String> text =
                    (mixInForms ? segment(list) : filler()).list().ofMaxSize(14).map(parts -> String.join("", parts));
            Arbitrary<List<Integer>> chunks =
                    Arbitraries.integers().between(1, 70).list().ofMinSize(1).ofMaxSize(8);
            Arbitrary<List<Boolean>> flushes =
                    Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(5);
            return Combinators.combine(text, chunks, flushes).as((t, c, f) -> new Scenario(list, min, t, c, f));
        });
    }

    private static Arbitrary<String> segment(List<String> secrets) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            forms.addAll(SecretForms.of(secret));
        }
        Arbitrary<String> filler = filler();
        if (forms.isEmpty()) {
            return filler;
        }
        Arbitrary<String> form = Arbitraries.of(forms);
        Arbitrary<String> prefix = form.flatMap(f -> Arbitraries.integers()
                .between(0, f.length())
                .map(n -> n > 0 && Character.isHighSurrogate(f.charAt(n - 1))
                        ? f.substring(0, n - 1)
                        : f.substring(0, n)));
        return Arbitraries.frequencyOf(Tuple.of(4, filler), Tuple.of(3, form), Tuple.of(2, prefix));
    }

    private static Arbitrary<String> filler() {
        return Arbitraries.of(TEXT_PIECES).list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<List<String>> notes() {
        return Arbitraries.strings()
                .withChars("ABCDEFabcdef0123456789+/=-_:.*")
                .ofMaxLength(40)
                .map(body -> "\u001B[8mha:" + body + "\u001B[0m")
                .list()
                .ofMaxSize(4);
    }
}
