package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code api-keys scan --redact} over a 200 MB build log with 100 known keys, in a child JVM with
 * a 64 MiB heap: the scan streams, so it finds every key, redacts them, and its memory does not
 * grow with the file, its lines (one of 8 MiB) or its console notes.
 */
class ScanMemoryTest {

    private static final long SIZE = 200L * 1000 * 1000;
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    @Test
    void scansAndRedactsA200MegabyteLogInA64MebibyteHeap() throws Exception {
        Random random = new Random(20261130);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add("Pw" + pick(random, ALNUM, 28));
        }
        Path log = dir.resolve("log");
        long found = generate(log, keys, random);
        long size = Files.size(log);
        Path report = dir.resolve("report.json");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "--redact",
                "--format",
                "json",
                "--output",
                report.toString()));
        for (int i = 0; i < keys.size(); i++) {
            command.add("--secret-env");
            command.add("SCAN_KEY_" + i);
        }
        command.add(log.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "scan-memory.log"));
        for (int i = 0; i < keys.size(); i++) {
            builder.environment().put("SCAN_KEY_" + i, keys.get(i));
        }
        Process scan = builder.start();

        assertThat(scan.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(scan.exitValue())
                .as("exit status: keys found (see scan-memory.log in the temp directory)")
                .isEqualTo(1);
        JsonNode leaks = new ObjectMapper().readTree(report.toFile());
        assertThat((long) leaks.size()).isEqualTo(found);
        long removed = 0;
        for (JsonNode leak : leaks) {
            removed += leak.get("length").asLong() - "****".length();
        }
        assertThat(Files.size(log)).isEqualTo(size - removed);
    }

    /**
     * Writes about {@link #SIZE} bytes of build log: a known key on about one line in 400, a
     * console note on one in 10, a Katalon key in {@code -apiKey=} on one in 2000, and one line of
     * 8 MiB with a key in its middle. Returns how many keys it holds.
     */
    private static long generate(Path file, List<String> keys, Random random) throws Exception {
        long written = 0;
        long found = 0;
        boolean longLine = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long n = 0; written < SIZE; n++) {
                StringBuilder line = new StringBuilder();
                if (n % 10 == 0) {
                    line.append("\u001b[8mha:")
                            .append(Base64.getEncoder()
                                    .encodeToString(pick(random, ALNUM, 60).getBytes(StandardCharsets.US_ASCII)))
                            .append("\u001b[0m");
                }
                line.append("[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/example/")
                        .append(pick(random, ALNUM, random.nextInt(40)));
                if (random.nextInt(400) == 0) {
                    line.append(" token=")
                            .append(keys.get(random.nextInt(keys.size())))
                            .append(" ok");
                    found++;
                }
                if (random.nextInt(2000) == 0) {
                    line.append(" + katalonc -apiKey=").append(uuid(random));
                    found++;
                }
                if (!longLine && written > SIZE / 2) {
                    longLine = true;
                    String half = "y".repeat(4 << 20);
                    line.append(half)
                            .append(' ')
                            .append(keys.get(0))
                            .append(' ')
                            .append(half);
                    found++;
                }
                byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                out.write(bytes);
                written += bytes.length;
            }
        }
        return found;
    }

    private static String uuid(Random random) {
        String hex = "0123456789abcdef";
        return pick(random, hex, 8) + "-" + pick(random, hex, 4) + "-4" + pick(random, hex, 3) + "-a"
                + pick(random, hex, 3) + "-" + pick(random, hex, 12);
    }

    private static String pick(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
