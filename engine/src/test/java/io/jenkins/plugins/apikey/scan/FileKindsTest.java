package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.scan.Scans.KATALON;
import static io.jenkins.plugins.apikey.scan.Scans.known;
import static io.jenkins.plugins.apikey.scan.Scans.leaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.apikey.mask.Occurrence;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of file a Jenkins home holds, read as the scan reads it. */
class FileKindsTest {

    private static final String SECRET = "Tok3n-for-deploys_42";
    private static final String NOTE =
            "\u001b[8mha:////4NfJ0mVqOo9xb0JsAAAAlR+LCAAAAAAAAP9b85aBtbiIQTGjNKU4P08vOT+vOLUoLz8nVc83PyU1x6OyILUoJzMv2y+/JNUszNDM0sTAAgA1Jr6LUAAAAA==\u001b[0m";

    @TempDir
    Path dir;

    @Test
    void readsABuildLogWithConsoleNotesCountingTheirBytesInColumns() throws Exception {
        String line = NOTE + "[Pipeline] sh" + NOTE + " token=" + SECRET;
        List<Leak> leaks = leaks(dir, "log", "Started by user admin\n" + line + "\n", known("DEPLOY_TOKEN", SECRET));

        assertThat(leaks)
                .extracting(Leak::line, Leak::column, Leak::form)
                .containsExactly(tuple(2L, (long) line.indexOf(SECRET) + 1, "plain"));
    }

    @Test
    void findsAKeySplitByAConsoleNoteAndKeepsTheNote() throws Exception {
        String head = "token=";
        String text = head + SECRET.substring(0, 7) + NOTE + SECRET.substring(7) + "\n";
        List<Leak> leaks = leaks(dir, "log", text, known("DEPLOY_TOKEN", SECRET));

        assertThat(leaks).hasSize(1);
        Leak leak = leaks.get(0);
        assertThat(leak.offset()).isEqualTo(head.length());
        assertThat(leak.length()).isEqualTo(SECRET.length() + NOTE.length());
        assertThat(leak.kept())
                .containsExactly(new Occurrence.Range(head.length() + 7, head.length() + 7 + NOTE.length()));
        assertThat(leak.endColumn()).isEqualTo(head.length() + SECRET.length() + NOTE.length() + 1);
    }

    @Test
    void readsAGzipLogByItsContentWithPositionsOfTheDecompressedText() throws Exception {
        byte[] log = ("Started\n" + NOTE + "+ katalonc -apiKey=" + KATALON + "\nFinished: SUCCESS\n")
                .getBytes(StandardCharsets.UTF_8);
        Path file = Scans.writeGzip(dir, "log.gz", log);
        Path renamed = Files.copy(file, dir.resolve("log-without-suffix"));

        for (Path path : List.of(file, renamed)) {
            FileReport report = Scans.scan(path);
            assertThat(report.gzip()).isTrue();
            assertThat(report.leaks())
                    .extracting(Leak::line, Leak::column, Leak::rule)
                    .containsExactly(tuple(2L, (long) NOTE.length() + "+ katalonc -apiKey=".length() + 1, "katalon"));
        }
    }

    @Test
    void readsAJobsConfigXml() throws Exception {
        String command = "      <command>katalonc -noSplash -apiKey=&quot;" + KATALON + "&quot;";
        String curl = "curl -H &apos;X-Token: " + SECRET + "&apos;</command>";
        String xml = "<?xml version='1.1' encoding='UTF-8'?>\n<project>\n  <builders>\n    <hudson.tasks.Shell>\n"
                + command + "\n" + curl + "\n    </hudson.tasks.Shell>\n  </builders>\n</project>\n";

        assertThat(leaks(dir, "jobs/nightly/config.xml", xml, known("DEPLOY_TOKEN", SECRET)))
                .extracting(Leak::line, Leak::column, Leak::rule)
                .containsExactly(
                        tuple(5L, column(command, KATALON), "katalon"),
                        tuple(6L, column(curl, SECRET), "DEPLOY_TOKEN"));
    }

    @Test
    void readsAJenkinsfile() throws Exception {
        String basic = Base64.getEncoder().encodeToString((":" + KATALON).getBytes(StandardCharsets.UTF_8));
        String setting = "    KATALON_API_KEY = '" + KATALON + "'";
        String sh = "        sh \"curl -H 'Authorization: Basic " + basic + "' https://testops.katalon.io\"";
        String jenkinsfile = "pipeline {\n  agent any\n  environment {\n" + setting + "\n  }\n"
                + "  stages {\n    stage('upload') {\n      steps {\n" + sh + "\n      }\n    }\n  }\n}\n";

        assertThat(leaks(dir, "Jenkinsfile", jenkinsfile))
                .extracting(Leak::line, Leak::column, Leak::rule, Leak::form)
                .containsExactly(
                        tuple(4L, column(setting, KATALON), "katalon", "plain"),
                        tuple(9L, column(sh, basic), "katalon", "base64"));
    }

    private static long column(String line, String token) {
        return line.indexOf(token) + 1;
    }

    @Test
    void skipsABinaryFileByANulByteInItsFirst8KiB() throws Exception {
        byte[] binary = ("\u0000ELF " + SECRET + " -apiKey=" + KATALON).getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("a.out");
        Files.write(file, binary);

        FileReport report = Scans.scan(file, known("DEPLOY_TOKEN", SECRET));

        assertThat(report.binary()).isTrue();
        assertThat(report.leaks()).isEmpty();
    }

    @Test
    void readsATextFileWithANulByteAfterItsFirst8KiB() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(("x".repeat(8 * 1024) + "\n").getBytes(StandardCharsets.US_ASCII));
        content.write(0);
        content.write(("\ntoken " + SECRET + "\n").getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("mostly-text");
        Files.write(file, content.toByteArray());

        FileReport report = Scans.scan(file, known("DEPLOY_TOKEN", SECRET));

        assertThat(report.binary()).isFalse();
        assertThat(report.leaks()).extracting(Leak::line, Leak::column).containsExactly(tuple(3L, 7L));
    }

    @Test
    void readsAGzipFileThatHoldsBinaryAsBinary() throws Exception {
        Path file = Scans.writeGzip(dir, "core.gz", ("\u0000" + SECRET).getBytes(StandardCharsets.UTF_8));

        FileReport report = Scans.scan(file, known("DEPLOY_TOKEN", SECRET));

        assertThat(report.binary()).isTrue();
        assertThat(report.leaks()).isEmpty();
    }

    @Test
    void findsKeysPastTheBufferInALineLongerThanIt() throws Exception {
        int before = FileScan.CAPACITY + 12345;
        String text = "head\n" + "y".repeat(before) + " -apiKey=" + KATALON + " " + SECRET + "\ntail " + SECRET;

        List<Leak> leaks = leaks(dir, "long-line.log", text, known("DEPLOY_TOKEN", SECRET));

        long keyColumn = before + " -apiKey=".length() + 1;
        assertThat(leaks)
                .extracting(Leak::line, Leak::column, Leak::rule)
                .containsExactly(
                        tuple(2L, keyColumn, "katalon"),
                        tuple(2L, keyColumn + KATALON.length() + 1, "DEPLOY_TOKEN"),
                        tuple(3L, 6L, "DEPLOY_TOKEN"));
    }

    /** Regression: a shape's key across the end of a piece of a long line was not seen in either piece. */
    @ParameterizedTest
    @ValueSource(ints = {-5, -1, 0, 3, -FileScan.OVERLAP - 4, -FileScan.OVERLAP, 7 - FileScan.OVERLAP})
    void findsAShapesKeyAcrossTheEndOfAPieceOfALongLine(int shift) throws Exception {
        int at = FileScan.CAPACITY + shift;
        String kataloAt = "k".repeat(at) + " " + Scans.KATALO + " " + "k".repeat(4000) + " -apiKey=" + KATALON + "\n";
        String katalonAt = "k".repeat(at) + " -apiKey=" + KATALON + " " + "k".repeat(2 * FileScan.CAPACITY) + "\n";

        assertThat(leaks(dir, "katalo.log", kataloAt))
                .extracting(Leak::line, Leak::column, Leak::rule)
                .containsExactly(tuple(1L, at + 2L, "katalo"), tuple(1L, kataloAt.indexOf(KATALON) + 1L, "katalon"));
        assertThat(leaks(dir, "katalon.log", katalonAt))
                .extracting(Leak::line, Leak::column, Leak::rule)
                .containsExactly(tuple(1L, at + 10L, "katalon"));
    }

    @Test
    void countsLinesAndColumnsAcrossManyBuffersOfShortLines() throws Exception {
        StringBuilder text = new StringBuilder();
        int lines = 3 * FileScan.CAPACITY / 20;
        for (int i = 1; i <= lines; i++) {
            text.append(i % 50_000 == 0 ? "\t-apiKey=" + KATALON + " " + SECRET : "line " + i)
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }

        List<Leak> leaks = leaks(dir, "many.log", text.toString(), known("DEPLOY_TOKEN", SECRET));

        assertThat(leaks).hasSize(2 * (lines / 50_000));
        for (int k = 0; k < leaks.size(); k += 2) {
            long line = 50_000L * (k / 2 + 1);
            assertThat(leaks.get(k))
                    .extracting(Leak::line, Leak::column, Leak::rule)
                    .containsExactly(line, 10L, "katalon");
            assertThat(leaks.get(k + 1))
                    .extracting(Leak::line, Leak::column, Leak::rule)
                    .containsExactly(line, 10L + KATALON.length() + 1, "DEPLOY_TOKEN");
        }
    }

    @Test
    void findsNothingInAnEmptyFile() throws Exception {
        FileReport report = Scans.scan(Scans.write(dir, "empty", ""), known("DEPLOY_TOKEN", SECRET));

        assertThat(report.binary()).isFalse();
        assertThat(report.leaks()).isEmpty();
    }

    @Test
    void aKnownKeyAtTheVeryEndOfAFileIsFound() throws Exception {
        assertThat(leaks(dir, "end", "token " + SECRET, known("KATALON_API_KEY", ServicePresets.GENERIC, SECRET)))
                .extracting(Leak::column)
                .containsExactly(7L);
    }
}
