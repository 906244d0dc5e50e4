package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskCommandTest {

    private static final String KEY = "7d1f8a3e-5b2c-4c1e-9f0a-2b3c4d5e6f70";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private InputStream in = new ByteArrayInputStream(new byte[0]);

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, Stdio.of(in, out, err), Environment.of(env));
    }

    private void input(String text) {
        in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void masksSecretsFromEnvironmentAndFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("xray-secret"), "0123456789abcdef0123456789abcdef\n");
        String basic = Base64.getEncoder().encodeToString((":" + KEY).getBytes(StandardCharsets.UTF_8));
        input("key " + KEY + "\nsecret 0123456789abcdef0123456789abcdef\nAuthorization: Basic " + basic + "\n");

        int status = run(
                Map.of("KATALON_API_KEY", KEY),
                "mask",
                "--secret-env",
                "KATALON_API_KEY",
                "--secret-file=" + file,
                "--stats");

        assertThat(status).isZero();
        // only the edge character that also encodes ':' and the padding remain
        assertThat(stdout()).isEqualTo("key ****\nsecret ****\nAuthorization: Basic Oj****==\n");
        assertThat(stderr()).isEqualTo("mask: masked 3 occurrences\n");
    }

    @Test
    void unsetOrEmptyVariableIsAnErrorBeforeReadingInput() {
        in = new FailingInput();

        assertThat(run(Map.of(), "mask", "--secret-env", "MISSING")).isEqualTo(2);
        assertThat(stderr()).contains("MISSING is not set");
        assertThat(run(Map.of("EMPTY", ""), "mask", "--secret-env", "EMPTY")).isEqualTo(2);
        assertThat(stderr()).contains("EMPTY is empty");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void unreadableFilesAreErrorsThatNameTheFile() throws IOException {
        in = new FailingInput();
        Path notUtf8 = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28});
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);

        assertThat(run(Map.of(), "mask", "--secret-file", dir.resolve("nope").toString()))
                .isEqualTo(2);
        assertThat(run(Map.of(), "mask", "--secret-file", notUtf8.toString())).isEqualTo(2);
        assertThat(run(Map.of(), "mask", "--secret-file", empty.toString())).isEqualTo(2);
        assertThat(run(Map.of(), "mask", "--secret-file", dir.toString())).isEqualTo(2);

        assertThat(stderr().lines().toList())
                .containsExactly(
                        "mask: Secret file " + dir.resolve("nope") + " does not exist. Check the path.",
                        "mask: The secret file " + notUtf8 + " is not UTF-8 text, so its bytes cannot be masked"
                                + " reliably. Store the secret as UTF-8 (for example with iconv).",
                        "mask: Secret file " + empty + " is empty. Put the secret in it.",
                        "mask: Secret file " + dir + " cannot be read (is a directory). "
                                + "Check that it is a readable regular file.");
    }

    @Test
    void shortSecretGivesAWarningWithoutTheSecret() {
        input("pin 1234 and 123\n");

        int status = run(Map.of("PIN", "123", "KEY", KEY), "mask", "--secret-env", "KEY", "--secret-env", "PIN");

        assertThat(status).isZero();
        assertThat(stdout()).isEqualTo("pin 1234 and 123\n");
        assertThat(stderr())
                .isEqualTo("mask: warning: the environment variable PIN is shorter than 4 bytes and will not be"
                        + " masked; lower --min-length or use a longer secret.\n")
                .doesNotContain("123");
    }

    @Test
    void minLengthOptionIsHonouredAndValidated() {
        input("pin 123\n");
        assertThat(run(Map.of("PIN", "123"), "mask", "--secret-env", "PIN", "--min-length", "3"))
                .isZero();
        assertThat(stdout()).isEqualTo("pin ****\n");

        assertThat(run(Map.of("PIN", "123"), "mask", "--secret-env", "PIN", "--min-length", "0"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--min-length must be a whole number of at least 1, not 0.");
    }

    @Test
    void usageErrors() {
        assertThat(run(Map.of(), "mask")).isEqualTo(2);
        assertThat(run(Map.of(), "mask", "--secret")).isEqualTo(2);
        assertThat(run(Map.of(), "mask", "--secret-env")).isEqualTo(2);
        assertThat(run(Map.of(), "mask", "--stats=yes")).isEqualTo(2);
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(stderr().lines().toList())
                .containsExactly(
                        "mask: Nothing to mask: give at least one --secret-env NAME or --secret-file PATH.",
                        "mask: Unknown option: '--secret'. Run 'api-keys mask --help' for the options.",
                        "mask: Missing required parameter for option '--secret-env' (NAME). Run 'api-keys mask --help'"
                                + " for the options.",
                        "mask: Invalid value for option '--stats': 'yes' is not a boolean. Run 'api-keys mask --help'"
                                + " for the options.",
                        "api-keys: Unknown command 'frobnicate'. The commands are mask, run, verify, scan,"
                                + " generate-completion."
                                + " Run 'api-keys --help' for the options.");
    }

    /** What a mask command line sets, to compare the quick reading with picocli's. */
    private static List<Object> options(MaskCommand mask) {
        return List.of(mask.secretEnvs, mask.secretFiles, mask.presets, mask.minLength, mask.stats, mask.consoleNotes);
    }

    @Test
    void quickReadingOfMaskOptionsAgreesWithPicocliOrLeavesTheLineToIt() {
        Stdio stdio = Stdio.of(in, out, err);
        Environment env = Environment.of(Map.of());
        List<List<String>> read = List.of(
                List.of(),
                List.of("--secret-env", "A"),
                List.of("--secret-env=A", "--secret-env", "B=C", "--secret-file", "/run/s", "--secret-file=x y"),
                List.of("--stats", "--secret-env", "A", "--console-notes", "--min-length", "6"),
                List.of("--min-length=12", "--preset", "A=katalo", "--preset=B=xray", "--secret-env", "A"),
                List.of("--min-length", "0"),
                List.of("--secret-env", "stats", "--secret-file", "console-notes"));
        for (List<String> args : read) {
            MaskCommand quick = new MaskCommand(stdio, env);
            MaskCommand picocli = new MaskCommand(stdio, env);
            String[] line = args.toArray(String[]::new);
            new picocli.CommandLine(picocli).parseArgs(line);
            String[] withName = new String[line.length + 1];
            withName[0] = "mask";
            System.arraycopy(line, 0, withName, 1, line.length);
            assertThat(quick.readPlainOptions(withName, 1)).as("%s", args).isTrue();
            assertThat(options(quick)).as("%s", args).isEqualTo(options(picocli));
        }
        List<List<String>> leftToPicocli = List.of(
                List.of("--help"),
                List.of("-h"),
                List.of("--version"),
                List.of("-V"),
                List.of("--secret"),
                List.of("--secret-env"),
                List.of("--secret-env", "-A"),
                List.of("--secret-env="),
                List.of("--secret-env", "@args.txt"),
                List.of("@args.txt"),
                List.of("--stats", "--stats"),
                List.of("--stats=yes"),
                List.of("--console-notes=true"),
                List.of("--min-length", "4", "--min-length", "5"),
                List.of("--min-length", "010"),
                List.of("--min-length", "+4"),
                List.of("--min-length", "9999999999"),
                List.of("--", "--stats"),
                List.of("positional"));
        for (List<String> args : leftToPicocli) {
            MaskCommand quick = new MaskCommand(stdio, env);
            List<Object> before = options(quick);
            List<String> withName = new java.util.ArrayList<>(args);
            withName.add(0, "mask");
            assertThat(quick.readPlainOptions(withName.toArray(String[]::new), 1))
                    .as("%s", args)
                    .isFalse();
            assertThat(options(quick)).isEqualTo(before);
        }
    }

    @Test
    void helpAndVersionOnTheToolAndEachCommand() {
        assertThat(run(Map.of(), "mask", "--help")).isZero();
        assertThat(stdout())
                .contains(
                        "Usage: api-keys mask [OPTIONS] < input > output",
                        "Exit status",
                        "Example: --secret-env KATALON_API_KEY",
                        "Example: --secret-file /run/secrets/xray-secret",
                        "Example: --preset KATALO_API_KEY=katalo",
                        "Example: --min-length 6",
                        "--stats",
                        "--console-notes")
                .doesNotContain("${DEFAULT-VALUE}");
        for (List<String> args : List.of(
                List.of("--version"), List.of("-V"), List.of("mask", "--version"), List.of("run", "--version"))) {
            out.reset();
            assertThat(run(Map.of(), args.toArray(String[]::new))).isZero();
            assertThat(stdout()).startsWith("api-keys ").contains("Java ");
        }
        for (List<String> args :
                List.of(List.of("-h"), List.of("--help"), List.of("run", "-h"), List.of("mask", "-h"))) {
            out.reset();
            assertThat(run(Map.of(), args.toArray(String[]::new))).isZero();
            assertThat(stdout()).contains("Usage: api-keys");
        }
        out.reset();
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("Commands:", "mask", "run", "generate-completion");
    }

    @Test
    void presetAddsWhatItDerivesSuchAsTheSecretPartOfAKataloKey() {
        String katalo = "kat_live_4f1a2b3c.9d8e7f6a5b4c3d2e1f0a";
        input("whole " + katalo + "\nsecret part 9d8e7f6a5b4c3d2e1f0a\n");

        int status = run(
                Map.of("KATALO_API_KEY", katalo),
                "mask",
                "--secret-env",
                "KATALO_API_KEY",
                "--preset",
                "KATALO_API_KEY=katalo");

        assertThat(status).isZero();
        assertThat(stdout()).isEqualTo("whole ****\nsecret part ****\n");
    }

    @Test
    void presetMustNameAGivenSecretAndAKnownPreset() {
        in = new FailingInput();

        assertThat(run(Map.of("K", KEY), "mask", "--secret-env", "K", "--preset", "OTHER=katalon"))
                .isEqualTo(2);
        assertThat(run(Map.of("K", KEY), "mask", "--secret-env", "K", "--preset", "K=jira"))
                .isEqualTo(2);

        assertThat(stderr().lines().toList())
                .containsExactly(
                        "mask: --preset names OTHER, which is not a --secret-env NAME or --secret-file PATH. Correct"
                                + " the name.",
                        "mask: Unknown preset 'jira'. Use one of katalon, katalon-onprem, xray, katalo, generic.");
    }

    @Test
    void paddedSecretIsMaskedWithoutItsWhiteSpaceAndTheLogKeepsItsLineEnds() throws IOException {
        Path file = Files.writeString(dir.resolve("padded"), "  0123456789abcdef\n\n");
        input("key " + KEY + "\nnext line\nfile 0123456789abcdef\r\nend\n");

        int status =
                run(Map.of("PADDED", KEY + "\n"), "mask", "--secret-env", "PADDED", "--secret-file", file.toString());

        assertThat(status).isZero();
        assertThat(stdout()).isEqualTo("key ****\nnext line\nfile ****\r\nend\n");
        assertThat(stderr().lines().toList())
                .containsExactly(
                        "mask: warning: the environment variable PADDED starts or ends with white space (such as a"
                                + " line end from $(cat file)); it is masked without that white space.",
                        "mask: warning: the secret file " + file + " starts or ends with white space (such as a line"
                                + " end from $(cat file)); it is masked without that white space.");
    }

    @Test
    void nonAsciiSecretsAreMaskedByTheirExactBytesPaddingStrippedByBytesToo() throws IOException {
        // the variable padded with U+3000 (three bytes each side), the file in UTF-8 with a line end
        String wide = "cl\u00e9-\u00fc-\u5bc6\u94a5-\ud83d\ude00-0a1b2c";
        String accented = "p\u00e4ssw\u00f6rd-Gr\u00f6\u00dfe-42";
        Path file = Files.write(dir.resolve("secret"), (accented + "\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes(("a " + wide + "\nb " + accented + "\nc ").getBytes(StandardCharsets.UTF_8));
        // the same text in another encoding is other bytes, and stays
        log.writeBytes(accented.getBytes(StandardCharsets.ISO_8859_1));
        log.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        in = new ByteArrayInputStream(log.toByteArray());

        int status = run(
                Map.of("WIDE", "\u3000" + wide + "\u3000"),
                "mask",
                "--secret-env",
                "WIDE",
                "--secret-file",
                file.toString(),
                "--stats");

        assertThat(status).isZero();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("a ****\nb ****\nc ".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(accented.getBytes(StandardCharsets.ISO_8859_1));
        expected.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(stderr().lines().toList())
                .containsExactly(
                        "mask: warning: the environment variable WIDE starts or ends with white space (such as a"
                                + " line end from $(cat file)); it is masked without that white space.",
                        "mask: masked 2 occurrences");
    }

    @Test
    void consoleNotesPassThroughAndTheSecretAroundThemIsMasked() {
        String note = "\u001B[8mha:AAAA\u001B[0m";
        input("a " + note + " " + KEY.substring(0, 10) + note + KEY.substring(10) + " z\n");

        assertThat(run(Map.of("K", KEY), "mask", "--secret-env", "K", "--console-notes"))
                .isZero();

        assertThat(stdout()).contains(note).doesNotContain(KEY.substring(10)).endsWith(" z\n");
    }

    private static ProcessBuilder maskProcess() {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "mask",
                        "--secret-env",
                        "KATALON_API_KEY"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    @Test
    void realProcessExitsWithTwoWhenTheVariableIsMissing() throws Exception {
        ProcessBuilder builder = maskProcess();
        builder.environment().remove("KATALON_API_KEY");
        Process process = builder.start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
    }

    @Test
    void realProcessStreamsPartialLinesAndMasksAcrossPipeWrites() throws Exception {
        ProcessBuilder builder = maskProcess();
        builder.environment().put("KATALON_API_KEY", KEY);
        Process masker = builder.start();
        OutputStream stdin = masker.getOutputStream();
        InputStream stdout = masker.getInputStream();

        stdin.write("\rprogress 50%".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        byte[] first = stdout.readNBytes(13);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("\rprogress 50%");

        stdin.write((" key=" + KEY.substring(0, 9)).getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        stdin.write((KEY.substring(9) + " done").getBytes(StandardCharsets.UTF_8));
        stdin.close();
        String rest = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);

        assertThat(masker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(masker.exitValue()).isZero();
        assertThat(rest).isEqualTo(" key=**** done");
    }

    /** Input that fails the test if anything reads it. */
    private static final class FailingInput extends InputStream {
        @Override
        public int read() {
            throw new AssertionError("input was read");
        }
    }
}
