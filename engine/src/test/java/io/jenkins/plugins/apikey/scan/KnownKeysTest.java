package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.scan.Scans.KATALON;
import static io.jenkins.plugins.apikey.scan.Scans.known;
import static io.jenkins.plugins.apikey.scan.Scans.leaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.apikey.mask.FormEncoder;
import io.jenkins.plugins.apikey.mask.SecretForms;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known keys are found in every form the masker masks, written here the way tools print them
 * (not with the masker's encoders), named after their variable, with the form and the hint.
 */
class KnownKeysTest {

    /** A made-up generic secret with characters that each form writes its own way. */
    private static final String SECRET = "s3cr3t\"K3y'ä+&=!x/9";

    @TempDir
    Path dir;

    static Stream<Arguments> printedForms() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getEncoder();
        return Stream.of(
                Arguments.of("plain", "+ echo " + SECRET + " done", SECRET),
                Arguments.of(
                        "percent",
                        "GET /api?token=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + "&x=1",
                        URLEncoder.encode(SECRET, StandardCharsets.UTF_8)),
                Arguments.of("json", "{\"token\":\"s3cr3t\\\"K3y'ä+&=!x/9\"}", "s3cr3t\\\"K3y'ä+&=!x/9"),
                Arguments.of(
                        "json", "{\"token\":\"s3cr3t\\\"K3y'\\u00e4+&=!x\\/9\"}", "s3cr3t\\\"K3y'\\u00e4+&=!x\\/9"),
                Arguments.of(
                        "xml",
                        "<string value=\"s3cr3t&quot;K3y&apos;ä+&amp;=!x/9\"/>",
                        "s3cr3t&quot;K3y&apos;ä+&amp;=!x/9"),
                Arguments.of(
                        "shell-quote", "+ curl -u 's3cr3t\"K3y'\\''ä+&=!x/9' https://x", "'s3cr3t\"K3y'\\''ä+&=!x/9'"),
                Arguments.of(
                        "hex", HexFormat.of().formatHex(bytes), HexFormat.of().formatHex(bytes)),
                Arguments.of(
                        "hex",
                        HexFormat.of().withUpperCase().formatHex(bytes),
                        HexFormat.of().withUpperCase().formatHex(bytes)),
                Arguments.of("base64", base64.encodeToString(bytes), null),
                Arguments.of("base64-of-base64", base64.encodeToString(base64.encode(bytes)), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("printedForms")
    void findsAKnownKeyInEachPrintedForm(String form, String line, String printed) throws Exception {
        List<Leak> leaks = leaks(dir, "log", "first\n" + line + "\n", known("DEPLOY_TOKEN", SECRET));

        assertThat(leaks).hasSize(1);
        Leak leak = leaks.get(0);
        assertThat(leak)
                .extracting(Leak::line, Leak::rule, Leak::known, Leak::preset, Leak::form, Leak::hint)
                .containsExactly(2L, "DEPLOY_TOKEN", true, "generic", form, "…!x/9");
        if (printed != null) {
            long column = line.substring(0, line.indexOf(printed)).getBytes(StandardCharsets.UTF_8).length + 1;
            assertThat(leak.column()).isEqualTo(column);
            assertThat(leak.length()).isEqualTo(printed.getBytes(StandardCharsets.UTF_8).length);
        } else {
            assertThat(leak.column()).isBetween(1L, 4L);
        }
    }

    /**
     * Every form of every encoder the masker has is found, and named after the first encoder (in
     * the masker's order, the value as it is first) that writes those bytes.
     */
    @Test
    void findsEveryEncodersFormsAndNamesTheForm() throws Exception {
        List<FormEncoder> encoders = new ArrayList<>(SecretForms.ENCODERS);
        encoders.addAll(SecretForms.WHOLE_VALUE_ENCODERS);
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        Set<String> named = new TreeSet<>();
        for (FormEncoder encoder : encoders) {
            for (byte[] form : encoder.encode(secret)) {
                if (form.length < 8) {
                    continue;
                }
                Path file = dir.resolve("log");
                Files.write(
                        file,
                        concat(
                                "printed: ".getBytes(StandardCharsets.US_ASCII),
                                form,
                                " done\n".getBytes(StandardCharsets.US_ASCII)));

                List<Leak> leaks =
                        Scans.scan(file, known("DEPLOY_TOKEN", SECRET)).leaks();

                String expected = firstEncoderOf(encoders, secret, form);
                assertThat(leaks).as("a form of %s", encoder.name()).hasSize(1);
                assertThat(leaks.get(0).form())
                        .as("a form of %s", encoder.name())
                        .isEqualTo(expected);
                assertThat(leaks.get(0).offset()).isGreaterThanOrEqualTo("printed: ".length());
                assertThat(leaks.get(0).end()).isLessThanOrEqualTo("printed: ".length() + form.length);
                named.add(expected);
            }
        }
        assertThat(named)
                .containsAll(List.of(
                        "plain",
                        "base64",
                        "percent",
                        "json",
                        "xml",
                        "shell-quote",
                        "backslash",
                        "ansi-c",
                        "powershell",
                        "batch",
                        "base64-of-base64",
                        "hex"));
    }

    private static String firstEncoderOf(List<FormEncoder> encoders, byte[] secret, byte[] form) {
        for (FormEncoder encoder : encoders) {
            for (byte[] made : encoder.encode(secret)) {
                if (Arrays.equals(made, form)) {
                    return encoder.name().equals("literal") ? "plain" : encoder.name();
                }
            }
        }
        throw new AssertionError("no encoder makes this form");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void findsAKnownKeyInsideTheBase64OfABasicHeaderWithAUser() throws Exception {
        String header = Base64.getEncoder().encodeToString(("deploy:" + SECRET).getBytes(StandardCharsets.UTF_8));
        String line = "Authorization: Basic " + header;

        List<Leak> leaks = leaks(dir, "log", line, known("DEPLOY_TOKEN", SECRET));

        assertThat(leaks).extracting(Leak::form, Leak::rule).containsExactly(tuple("base64", "DEPLOY_TOKEN"));
        long headerColumn = line.indexOf(header) + 1;
        assertThat(leaks.get(0).column()).isBetween(headerColumn + 8, headerColumn + 10);
        // the last character is the key's alone when the key ends the data
        assertThat(leaks.get(0).endColumn()).isEqualTo(headerColumn + header.length());
    }

    @Test
    void countsColumnsInBytesAfterMultiByteCharacters() throws Exception {
        String line = "日本語 ä € 🙂 token=" + SECRET;

        List<Leak> leaks = leaks(dir, "log", line, known("DEPLOY_TOKEN", SECRET));

        int bytesBefore = "日本語 ä € 🙂 token=".getBytes(StandardCharsets.UTF_8).length;
        assertThat(leaks).extracting(Leak::line, Leak::column).containsExactly(tuple(1L, (long) bytesBefore + 1));
        assertThat(leaks.get(0).endColumn())
                .isEqualTo(bytesBefore + 1 + SECRET.getBytes(StandardCharsets.UTF_8).length);
        // SARIF's columns: UTF-16 code units, two for the emoji
        assertThat(leaks.get(0).charColumn()).isEqualTo("日本語 ä € 🙂 token=".length() + 1);
        assertThat(leaks.get(0).charEndColumn()).isEqualTo(line.length() + 1);
    }

    @Test
    void countsTheColumnsOfManyKeysOnOneLine() throws Exception {
        String piece = "ä🙂 " + SECRET + " €";
        String line = "x".repeat(70_000) + piece.repeat(200);

        List<Leak> leaks = leaks(dir, "log", "first\n" + line + "\nlast\n", known("DEPLOY_TOKEN", SECRET));

        assertThat(leaks).hasSize(200);
        for (int k = 0; k < leaks.size(); k++) {
            String before = "x".repeat(70_000) + piece.repeat(k) + "ä🙂 ";
            assertThat(leaks.get(k).line()).isEqualTo(2);
            assertThat(leaks.get(k).column()).isEqualTo(before.getBytes(StandardCharsets.UTF_8).length + 1);
            assertThat(leaks.get(k).charColumn()).isEqualTo(before.length() + 1);
            assertThat(leaks.get(k).charEndColumn()).isEqualTo(before.length() + SECRET.length() + 1);
        }
    }

    @Test
    void findsAUuidKeyRecasedAndWithoutDashesAsKatalonWithItsHint() throws Exception {
        String upper = KATALON.toUpperCase();
        String bare = KATALON.replace("-", "");
        String text = "key " + upper + "\nkey " + bare + "\n";

        assertThat(leaks(dir, "log", text, known("KATALON_API_KEY", ServicePresets.KATALON, KATALON)))
                .extracting(Leak::line, Leak::column, Leak::rule, Leak::form, Leak::hint)
                .containsExactly(
                        tuple(1L, 5L, "KATALON_API_KEY", "recased", "…1d07"),
                        tuple(2L, 5L, "KATALON_API_KEY", "recased", "…1d07"));
    }

    @Test
    void aKnownKeyInAShapeIsReportedOnceUnderItsOwnName() throws Exception {
        List<Leak> leaks = leaks(
                dir,
                "log",
                "katalonc -apiKey=" + KATALON + "\n",
                known("KATALON_API_KEY", ServicePresets.KATALON, KATALON));

        assertThat(leaks)
                .extracting(Leak::rule, Leak::known, Leak::form, Leak::column)
                .containsExactly(tuple("KATALON_API_KEY", true, "plain", 18L));
    }

    @Test
    void theKatalonPresetsDerivedBasicHeaderCountsAsTheKeyItself() throws Exception {
        String header = Base64.getEncoder().encodeToString(("kit:kit").getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((":" + KATALON).getBytes(StandardCharsets.UTF_8));

        List<Leak> leaks = leaks(
                dir,
                "log",
                "Authorization: Basic " + header + "\nAuthorization: Basic " + basic + "\n",
                known("KATALON_API_KEY", ServicePresets.KATALON, KATALON));

        assertThat(leaks)
                .extracting(Leak::line, Leak::rule, Leak::known, Leak::form)
                .containsExactly(tuple(2L, "KATALON_API_KEY", true, "base64"));
    }

    @Test
    void tellsKnownKeysApartAndNumbersEachOnce() throws Exception {
        String text = "a=" + SECRET + "\nb=" + KATALON + "\nc=" + SECRET + "\n";

        List<Leak> leaks = leaks(
                dir,
                "log",
                text,
                known("DEPLOY_TOKEN", SECRET),
                known("KATALON_API_KEY", ServicePresets.KATALON, KATALON));

        assertThat(leaks)
                .extracting(Leak::line, Leak::rule, Leak::key)
                .containsExactly(
                        tuple(1L, "DEPLOY_TOKEN", 1), tuple(2L, "KATALON_API_KEY", 2), tuple(3L, "DEPLOY_TOKEN", 1));
    }

    @Test
    void leaksAndKnownKeysDoNotShowTheKey() throws Exception {
        KnownKey key = known("DEPLOY_TOKEN", SECRET);
        List<Leak> leaks = leaks(dir, "log", SECRET, key);

        Scans.assertNoSecret(leaks.toString() + key + Scans.scan(dir.resolve("log"), key), SECRET);
    }
}
