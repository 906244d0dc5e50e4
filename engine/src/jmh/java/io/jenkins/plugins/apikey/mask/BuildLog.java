package io.jenkins.plugins.apikey.mask;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A reproducible synthetic build log for benchmarks: Maven downloads, Katalon console-mode test
 * output, Git and HTTP lines, with a bound key in some form about once every 400 lines, and the
 * keys of the kinds the product binds.
 */
public final class BuildLog {

    private static final String HEX = "0123456789abcdef";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private BuildLog() {}

    /** {@code count} keys: UUIDs (Katalon), 32 and 64 hex digits (Xray), {@code kat_live_} keys. */
    public static List<String> keys(int count, long seed) {
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(
                    switch (i % 4) {
                        case 0 ->
                            hex(random, 8) + "-" + hex(random, 4) + "-4" + hex(random, 3) + "-a" + hex(random, 3) + "-"
                                    + hex(random, 12);
                        case 1 -> hex(random, 32);
                        case 2 -> hex(random, 64);
                        default -> "kat_live_" + pick(random, ALNUM, 12) + "." + pick(random, ALNUM, 32);
                    });
        }
        return keys;
    }

    /** About {@code size} bytes of log, in whole lines, mentioning {@code keys} now and then. */
    public static byte[] generate(int size, List<String> keys, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        Random random = new Random(seed);
        for (int line = 0; out.size() < size; line++) {
            out.writeBytes(line(random, line, keys).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String line(Random random, int number, List<String> keys) {
        String time = String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                10 + number / 360000 % 14,
                number / 6000 % 60,
                number / 100 % 60,
                number % 1000);
        if (!keys.isEmpty() && random.nextInt(400) == 0) {
            String key = keys.get(random.nextInt(keys.size()));
            return switch (random.nextInt(3)) {
                case 0 -> time + " + katalonc -noSplash -runMode=console -apiKey=" + key + " -retry=0\n";
                case 1 ->
                    time + " > Authorization: Basic "
                            + Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8)) + "\n";
                default -> time + " GET /api/v1/projects?apiKey=" + key + "&page=2 HTTP/1.1\n";
            };
        }
        return switch (random.nextInt(8)) {
            case 0 ->
                "[INFO] Downloading from central: https://repo.example.org/maven2/org/apache/commons/commons-"
                        + pick(random, "abcdefghij", 6) + "/3." + random.nextInt(20) + "/commons-lang3-3."
                        + random.nextInt(20) + ".jar\n";
            case 1 ->
                "[INFO] Downloaded from central: https://repo.example.org/maven2/com/fasterxml/jackson/core/"
                        + "jackson-databind/2." + random.nextInt(20) + ".0/jackson-databind.pom (" + random.nextInt(90)
                        + " kB at " + random.nextInt(900) + " kB/s)\n";
            case 2 ->
                time + " INFO  c.k.katalon.core.main.TestCaseExecutor   - START Test Cases/Login/"
                        + pick(random, "ABCDEFGH", 5) + "_valid_user\n";
            case 3 ->
                time + " DEBUG testcase.Login_valid_user                 - " + random.nextInt(40)
                        + ": WebUI.setText(findTestObject(\"Page_Login/input_Username\"), \"john.doe\")\n";
            case 4 -> "commit " + hex(random, 40) + "\nAuthor: CI Bot <ci@example.org>\n";
            case 5 ->
                time + " INFO  c.k.katalon.core.main.TestCaseExecutor   - END Test Cases/Login (" + random.nextInt(9)
                        + "." + random.nextInt(999) + "s) PASSED\n";
            case 6 ->
                "Uploading report to TestOps: project " + random.nextInt(99999) + ", execution " + hex(random, 8) + "-"
                        + hex(random, 4) + "... " + random.nextInt(100) + "%\r";
            default ->
                time + " [Pipeline] sh\n+ ./gradlew test --no-daemon -Dbuild.number=" + random.nextInt(5000) + "\n";
        };
    }

    private static String hex(Random random, int length) {
        return pick(random, HEX, length);
    }

    private static String pick(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /**
     * Writes a log and its keys for the end-to-end benchmark.
     *
     * <p>Arguments: size in MiB, number of keys, log file, keys file (one key a line).
     */
    public static void main(String[] args) throws IOException {
        int mebibytes = Integer.parseInt(args[0]);
        List<String> keys = keys(Integer.parseInt(args[1]), 7);
        Files.write(Path.of(args[3]), keys);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 20)) {
            for (int written = 0; written < mebibytes; written += 16) {
                out.write(generate(16 << 20, keys, written));
            }
        }
    }
}
