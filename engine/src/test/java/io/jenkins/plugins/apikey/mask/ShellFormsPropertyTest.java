package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.mask.FormCheck.holds;
import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random keys as shells and terminals print them, generated here from the shells' own rules:
 * {@code printf %q}, {@code declare -p}, {@code $'...'}, {@code set -x} in bash and ash,
 * PowerShell quoting, what bash and cmd.exe leave of a key pasted unquoted, and colour sequences
 * inside a printed key.
 */
class ShellFormsPropertyTest {

    /** One generated case; its text holds a secret, so only its sizes are shown. */
    record Case(byte[] key, String text, List<String> printed, Chunking chunking) {
        @Override
        public String toString() {
            return "case with a " + key.length + "-byte key in " + text.length() + " characters";
        }
    }

    private static void check(Case c) throws Exception {
        List<byte[]> printed = new ArrayList<>();
        for (String form : c.printed()) {
            printed.add(form.getBytes(StandardCharsets.UTF_8));
        }
        holds(List.of(c.key()), SecretMatcher.DEFAULT_MIN_LENGTH, utf8(c.text()), printed, c.chunking(), false);
    }

    @Test
    void shellEscapingVariantsAreMasked() {
        forAll(
                600,
                random -> {
                    byte[] key = keyWithSpecials(random);
                    String value = new String(key, StandardCharsets.UTF_8);
                    List<String> printed = List.of(
                            printfQ(value),
                            escaped(value, "\"$\\`", '\\'), // declare -p
                            value.replace("'", "'\\''"),
                            value.replace("'", "'\"'\"'"),
                            value.replace("'", "''"),
                            escaped(value, "`\"$", '`')); // PowerShell inside double quotes
                    String text = "+ printf %s " + printed.get(0) + "\n"
                            + "declare -x API_KEY=\"" + printed.get(1) + "\"\n"
                            + "+ curl -H 'X-Key: " + printed.get(2) + "'\n"
                            + "+ echo '" + printed.get(3) + "'\n"
                            + "PS> Invoke-Rest -Key '" + printed.get(4) + "'\n"
                            + "PS> $env:KEY = \"" + printed.get(5) + "\"\n"
                            + Keys.filler(5).next(random);
                    return new Case(key, text, printed, Chunking.upTo(50).next(random));
                },
                ShellFormsPropertyTest::check);
    }

    /** Values with control characters, which bash prints as {@code $'...'}. */
    @Test
    void ansiCQuotedValuesAreMasked() {
        forAll(
                300,
                random -> {
                    String value = "Kx" + random.nextInt(10)
                            + Keys.pick(random, Keys.PRINTABLE + "\t\u001B\u0001", 8 + random.nextInt(20));
                    String printed = ansiC(value);
                    String text = Keys.filler(4).next(random) + "declare -x TOKEN=$'" + printed + "'\n";
                    return new Case(
                            utf8(value),
                            text,
                            List.of(printed),
                            Chunking.upTo(40).next(random));
                },
                ShellFormsPropertyTest::check);
    }

    /** bash removes backslashes and quotes from a key pasted into a command; cmd.exe removes carets. */
    @Test
    void whatShellsLeaveOfAnUnquotedKeyIsMasked() {
        forAll(
                400,
                random -> {
                    String core =
                            "Kx" + random.nextInt(10) + Keys.pick(random, Keys.ALNUM + "\\^", 8 + random.nextInt(16));
                    String value = random.nextInt(3) == 0
                            ? "\"" + core.replace("\\", "").replace("^", "") + "\""
                            : core;
                    String bash = unescape(value.replace("\"", ""), '\\', true);
                    String cmd = unescape(value, '^', false);
                    String text = "+ echo " + bash + "\nC:\\ws>echo " + cmd + "\n"
                            + Keys.filler(4).next(random);
                    return new Case(
                            utf8(value),
                            text,
                            List.of(bash, cmd),
                            Chunking.upTo(30).next(random));
                },
                ShellFormsPropertyTest::check);
    }

    /** Colour sequences a tool writes inside a printed key are skipped, the whole key is masked, the colours kept. */
    @Test
    void colouredKeysAreMaskedWholeAndTheColoursKept() {
        forAll(
                500,
                random -> {
                    byte[] key = Keys.ascii(
                            random.nextBoolean()
                                    ? Keys.uuid(random)
                                    : new String(Keys.password().next(random), StandardCharsets.US_ASCII));
                    StringBuilder coloured = new StringBuilder(new String(key, StandardCharsets.US_ASCII));
                    for (int n = 1 + random.nextInt(3); n > 0; n--) {
                        coloured.insert(
                                1 + random.nextInt(coloured.length() - 1),
                                Gen.oneOf("\u001B[96m", "\u001B[0m", "\u001B[1;31m", "\u001B[m")
                                        .next(random));
                    }
                    String text = Keys.filler(4).next(random) + "\u001B[31mError: " + coloured + "\u001B[0m\n";
                    return new Case(
                            key,
                            text,
                            List.of(new String(key, StandardCharsets.US_ASCII)),
                            Chunking.upTo(20).next(random));
                },
                c -> {
                    check(c);
                    byte[] masked =
                            c.chunking().write(SecretMatcher.compileBytes(List.of(c.key())), utf8(c.text()), false);
                    assertThat(count(new String(masked, StandardCharsets.UTF_8), '\u001B'))
                            .isEqualTo(count(c.text(), '\u001B'));
                });
    }

    private static byte[] keyWithSpecials(Random random) {
        return random.nextInt(4) == 0
                ? Keys.any().next(random)
                : Keys.password().next(random);
    }

    /** bash's {@code printf %q} for a value without control characters (lib/sh/shquote.c). */
    private static String printfQ(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean atStart = i == 0;
            boolean afterAssign = i > 0 && (value.charAt(i - 1) == ':' || value.charAt(i - 1) == '=');
            if (" \t!\"$&'()*,;<>?[\\]^`{|}".indexOf(c) >= 0
                    || (c == '#' && atStart)
                    || (c == '~' && (atStart || afterAssign))) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code value} with {@code escape} before each character of {@code special}. */
    private static String escaped(String value, String special, char escape) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (special.indexOf(c) >= 0) {
                out.append(escape);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** bash's {@code $'...'} quoting of an ASCII value (lib/sh/strtrans.c). */
    private static String ansiC(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\u001B' -> out.append("\\E");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> out.append(c < 0x20 ? String.format("\\%03o", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static String unescape(String value, char escape, boolean keepFinal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != escape) {
                out.append(c);
            } else if (i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else if (keepFinal) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
