package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.mask.FormCheck.concat;
import static io.jenkins.plugins.apikey.mask.FormCheck.holds;
import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact secrets and no over-masking: secrets given as bytes in no particular encoding, multi-line
 * secrets masked whole and by the line rule of {@link SecretLines}, short secrets that leave words
 * alone, blank lines and trailing line ends left alone, a held start at the end written unchanged.
 */
class ExactSecretsPropertyTest {

    /** One generated case; its text holds a secret, so only its sizes are shown. */
    record Case(byte[] secret, byte[] text, List<byte[]> printed, List<String> readable, Chunking chunking) {
        @Override
        public String toString() {
            return "case with a " + secret.length + "-byte secret in " + text.length + " bytes";
        }
    }

    @Test
    void secretsAreTheirBytesWhateverTheirEncoding() {
        forAll(
                400,
                random -> {
                    byte[] secret = Gen.bytes(8, 40).next(random);
                    byte[] base64 = Keys.ascii(Base64.getEncoder().encodeToString(concat(Keys.ascii("u:"), secret)));
                    byte[] text = concat(
                            Gen.bytes(0, 30).next(random), secret, Keys.ascii(" Basic "), base64, Keys.ascii("\n"));
                    byte[] core = Arrays.copyOfRange(base64, 3, 8 * (2 + secret.length) / 6);
                    return new Case(
                            secret,
                            text,
                            List.of(secret, core),
                            List.of(),
                            Chunking.upTo(30).next(random));
                },
                c -> holds(List.of(c.secret()), 4, c.text(), c.printed(), c.chunking(), false));
    }

    /**
     * A credentials file or key printed whole and line by line: lines with secret material are
     * masked in every form, structural lines, settings with plain values and blank lines stay.
     */
    @Test
    void multiLineSecretsAreMaskedWholeAndByTheLineRule() {
        forAll(
                400,
                random -> {
                    List<String> lines = new ArrayList<>();
                    List<String> secretParts = new ArrayList<>();
                    List<String> readable = new ArrayList<>();
                    for (int n = 2 + random.nextInt(6); n > 0; n--) {
                        String secretText = "S" + Keys.pick(random, Keys.ALNUM + "+/", 10 + random.nextInt(30));
                        switch (random.nextInt(5)) {
                            case 0 -> {
                                String line = Gen.oneOf(
                                                "-----BEGIN RSA PRIVATE KEY-----",
                                                "[profile ci]",
                                                "---",
                                                "},",
                                                "[default]")
                                        .next(random);
                                lines.add(line);
                                readable.add(line);
                            }
                            case 1 -> {
                                String line = Gen.oneOf(
                                                "region = us-east-1", "output: json", "\"type\": \"service_account\",")
                                        .next(random);
                                lines.add(line);
                                readable.add(line);
                            }
                            case 2 -> {
                                lines.add(Gen.oneOf("aws_secret_access_key = ", "token: ", "\"private_key\": \"")
                                                .next(random)
                                        + secretText);
                                secretParts.add(secretText);
                            }
                            case 3 -> {
                                String line = Gen.oneOf("", "  ", "\t").next(random);
                                lines.add(line);
                                readable.add(line);
                            }
                            default -> {
                                lines.add(secretText);
                                secretParts.add(secretText);
                            }
                        }
                    }
                    lines.add("S" + Keys.pick(random, Keys.ALNUM, 12));
                    secretParts.add(lines.get(lines.size() - 1));
                    String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
                    String secret = String.join(lineEnd, lines) + (random.nextBoolean() ? lineEnd : "");
                    StringBuilder text = new StringBuilder("cat credentials:\n")
                            .append(secret)
                            .append("\n");
                    for (String line : lines) {
                        text.append("line: ").append(line).append('\n');
                    }
                    List<byte[]> printed = new ArrayList<>();
                    for (String part : secretParts) {
                        printed.add(utf8(part));
                    }
                    return new Case(
                            utf8(secret),
                            utf8(text.toString()),
                            printed,
                            readable,
                            Chunking.upTo(60).next(random));
                },
                c -> {
                    holds(List.of(c.secret()), 4, c.text(), c.printed(), c.chunking(), false);
                    String masked = new String(
                            c.chunking().write(SecretMatcher.compileBytes(List.of(c.secret())), c.text(), false),
                            StandardCharsets.UTF_8);
                    for (String line : c.readable()) {
                        assertThat(masked)
                                .as("a line without secret material stays readable")
                                .contains("line: " + line + "\n");
                    }
                });
    }

    /** JENKINS-72412: with a minimum of 1, a one-to-three-character secret masks itself, not pieces of words. */
    @Test
    void shortSecretsLeaveTheWordsAroundThemAlone() {
        Gen<String> words = Gen.oneOf("echo", "the", "build", "ran", "at", "a", "Hash", "sh", "Whitney", " ", " ", "\n")
                .joined(1, 30);
        forAll(
                500,
                random -> {
                    String secret = Keys.pick(random, "abcehnrstuYWJ", 1 + random.nextInt(3));
                    return new Case(
                            utf8(secret),
                            utf8(words.next(random)),
                            List.of(),
                            List.of(),
                            Chunking.upTo(10).next(random));
                },
                c -> {
                    String text = new String(c.text(), StandardCharsets.UTF_8);
                    String secret = new String(c.secret(), StandardCharsets.UTF_8);
                    String expected = occurrencesMasked(text, secret);
                    byte[] masked =
                            c.chunking().write(SecretMatcher.compileBytes(List.of(c.secret()), 1), c.text(), false);
                    assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo(expected);
                });
    }

    /**
     * {@code text} with every occurrence of {@code secret} masked, overlapping ones too, and
     * occurrences that overlap or touch masked as one: in {@code aaa}, the secret {@code aa} is at
     * both 0 and 1, so all three letters are masked.
     */
    private static String occurrencesMasked(String text, String secret) {
        StringBuilder masked = new StringBuilder();
        int written = 0;
        int start = text.indexOf(secret);
        while (start >= 0) {
            int end = start + secret.length();
            int next = text.indexOf(secret, start + 1);
            while (next >= 0 && next <= end) {
                end = next + secret.length();
                next = text.indexOf(secret, next + 1);
            }
            masked.append(text, written, start).append("****");
            written = end;
            start = next;
        }
        return masked.append(text.substring(written)).toString();
    }

    /** A secret's trailing line end and its blank lines are never masked. */
    @Test
    void trailingLineEndsAndBlankLinesStay() {
        forAll(
                300,
                random -> {
                    String value = "K" + Keys.pick(random, Keys.ALNUM, 8 + random.nextInt(20));
                    String blank = Gen.oneOf("", " ", "\t\t").next(random);
                    String secret = value + "\n" + blank
                            + Gen.oneOf("\n", "\r\n", "\n\n").next(random);
                    String text = "before\n" + value + "\n" + blank + "\nafter\n";
                    return new Case(
                            utf8(secret),
                            utf8(text),
                            List.of(utf8(value)),
                            List.of(blank),
                            Chunking.upTo(8).next(random));
                },
                c -> {
                    holds(List.of(c.secret()), 4, c.text(), c.printed(), c.chunking(), false);
                    byte[] masked =
                            c.chunking().write(SecretMatcher.compileBytes(List.of(c.secret())), c.text(), false);
                    assertThat(new String(masked, StandardCharsets.UTF_8))
                            .isEqualTo("before\n****\n" + c.readable().get(0) + "\nafter\n");
                });
    }

    /** The start of a form held at the end of the stream never became a secret, so it is written as it is. */
    @Test
    void aHeldStartAtTheEndIsWrittenUnchanged() {
        forAll(
                400,
                random -> {
                    byte[] key = Keys.any().next(random);
                    byte[] shortest = key;
                    for (byte[] form : SecretForms.of(key, 4)) {
                        shortest = form.length < shortest.length ? form : shortest;
                    }
                    // a proper start of the shortest form holds no whole form
                    byte[] start = Arrays.copyOf(shortest, 1 + random.nextInt(shortest.length - 1));
                    byte[] text = concat(utf8(Keys.filler(8).next(random)), start);
                    return new Case(
                            key,
                            text,
                            List.of(start),
                            List.of(),
                            Chunking.upTo(40).next(random));
                },
                c -> {
                    byte[] masked =
                            c.chunking().write(SecretMatcher.compileBytes(List.of(c.secret())), c.text(), false);
                    byte[] start = c.printed().get(0);
                    assertThat(Arrays.equals(masked, new NaiveMasker(List.of(c.secret()), 4, false).mask(c.text())))
                            .isTrue();
                    assertThat(Arrays.equals(
                                    masked, masked.length - start.length, masked.length, start, 0, start.length))
                            .as("the held start is written unchanged")
                            .isTrue();
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
