package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.scan.Scans.KATALON;
import static io.jenkins.plugins.apikey.scan.Scans.known;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redaction: the findings become {@code ****}, every other byte stays, and so do the file's mode and owner. */
class RedactorTest {

    private static final String SECRET = "Tok3n-for-deploys_42";
    private static final String NOTE =
            "\u001b[8mha:////4NfJ0mVqOo9xb0JsAAAAlR+LCAAAAAAAAP9b85aBtbiIQTGjNKU4P08vOT+vOLUoLz8nVc83PyU1x6OyILUoJzMv2y+/JNUszNDM0sTAAgA1Jr6LUAAAAA==\u001b[0m";

    @TempDir
    Path dir;

    @Test
    void replacesEachFindingByFourStarsAndKeepsEveryOtherByte() throws Exception {
        byte[] latin1 = {(byte) 0xE9, (byte) 0xFF, '\r', '\n'};
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(bytes(NOTE + "Started\r\n+ katalonc -apiKey=" + KATALON + " -x\n"));
        content.write(latin1);
        content.write(bytes("\u001b[31mtoken " + SECRET + SECRET + "\u001b[0m no newline at the end"));
        Path file = dir.resolve("log");
        Files.write(file, content.toByteArray());

        FileReport report = Scans.scan(file, known("DEPLOY_TOKEN", SECRET));
        int cuts = Redactor.redact(report);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(bytes(NOTE + "Started\r\n+ katalonc -apiKey=**** -x\n"));
        expected.write(latin1);
        expected.write(bytes("\u001b[31mtoken ****\u001b[0m no newline at the end"));
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
        assertThat(cuts).isEqualTo(2);
        assertThat(report.leaks()).hasSize(3);
    }

    @Test
    void keepsConsoleNotesInsideAKeyAfterTheStars() throws Exception {
        Path file = Scans.write(dir, "log", "a " + SECRET.substring(0, 5) + NOTE + SECRET.substring(5) + " b\n" + NOTE);

        Redactor.redact(Scans.scan(file, known("DEPLOY_TOKEN", SECRET)));

        assertThat(Files.readString(file)).isEqualTo("a ****" + NOTE + " b\n" + NOTE);
    }

    @Test
    void offsetsOfLineStartsLandOnTheSameLineStartsAfterRedaction() throws Exception {
        String content = "Started\n+ katalonc -apiKey=" + KATALON + " -x\n" + "a " + SECRET.substring(0, 5) + NOTE
                + SECRET.substring(5) + " b\n" + NOTE + "\n" + SECRET + SECRET + "\nend " + SECRET + "\n";
        Path file = Scans.write(dir, "log", content);
        FileReport report = Scans.scan(file, known("DEPLOY_TOKEN", SECRET));
        byte[] before = Files.readAllBytes(file);

        Redactor.redact(report);
        LongUnaryOperator offsets = Redactor.offsets(report.leaks());

        List<Long> oldStarts = lineStarts(before);
        List<Long> newStarts = lineStarts(Files.readAllBytes(file));
        assertThat(newStarts).hasSameSizeAs(oldStarts);
        for (int i = 0; i < oldStarts.size(); i++) {
            assertThat(offsets.applyAsLong(oldStarts.get(i)))
                    .as("line %d", i + 1)
                    .isEqualTo(newStarts.get(i));
        }
        assertThat(offsets.applyAsLong(before.length)).isEqualTo(Files.size(file));
    }

    private static List<Long> lineStarts(byte[] content) {
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                starts.add(i + 1L);
            }
        }
        return starts;
    }

    @Test
    void keepsTheModeOfTheFile() throws Exception {
        for (String mode : new String[] {"rw-r-----", "rwxr-xr-x", "rw-------", "r--r--r--"}) {
            Path file = Scans.write(dir, "script-" + mode, "#!/bin/sh\nexport KATALON_API_KEY=" + KATALON + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

            Redactor.redact(Scans.scan(file));

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo(mode);
            assertThat(Files.readString(file)).isEqualTo("#!/bin/sh\nexport KATALON_API_KEY=****\n");
        }
    }

    @Test
    void keepsTheOwnerAndGroupOfTheFile() throws Exception {
        assumeThat(TreeScanTest.isRoot()).as("only root can give a file away").isTrue();
        Path file = Scans.write(dir, "config.xml", "<apiKey>" + KATALON + "</apiKey>\n-apiKey=" + KATALON + "\n");
        UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
        Files.setAttribute(file, "posix:owner", users.lookupPrincipalByName("65534"));
        Files.setAttribute(file, "posix:group", users.lookupPrincipalByGroupName("65534"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        Object owner = Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);

        Redactor.redact(Scans.scan(file));

        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(owner).isEqualTo(65534);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(65534);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw----");
        assertThat(Files.readString(file)).isEqualTo("<apiKey>" + KATALON + "</apiKey>\n-apiKey=****\n");
    }

    @Test
    void aGzipFileStaysGzipWithItsContentRedacted() throws Exception {
        String log = NOTE + "Started\n+ katalonc -apiKey=" + KATALON + "\nFinished\n";
        Path file = Scans.writeGzip(dir, "log.gz", bytes(log));

        Redactor.redact(Scans.scan(file));

        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(NOTE + "Started\n+ katalonc -apiKey=****\nFinished\n");
        }
    }

    /** Regression: renaming the redacted file over a link given by name replaced the link and left its target as it was. */
    @Test
    void redactsTheFileALinkPointsToAndKeepsTheLink() throws Exception {
        Path target = Scans.write(dir, "real/log", "token " + SECRET + "\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        Redactor.redact(Scans.scan(link, known("DEPLOY_TOKEN", SECRET)));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("token ****\n");
        try (var entries = Files.list(target.getParent())) {
            assertThat(entries).containsExactly(target);
        }
    }

    @Test
    void leavesAFileWithoutFindingsAlone() throws Exception {
        Path file = Scans.write(dir, "clean", "nothing to see\n");
        FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, modified);
        Object inode = Files.getAttribute(file, "unix:ino");

        assertThat(Redactor.redact(Scans.scan(file))).isZero();

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
    }

    @Test
    void replacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Path file = Scans.write(dir, "log", "token " + SECRET + "\n");
        Object inode = Files.getAttribute(file, "unix:ino");

        Redactor.redact(Scans.scan(file, known("DEPLOY_TOKEN", SECRET)));

        assertThat(Files.getAttribute(file, "unix:ino"))
                .as("a new file renamed over the old one")
                .isNotEqualTo(inode);
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void refusesAFileThatChangedSinceItWasScannedAndLeavesItAlone() throws Exception {
        Path file = Scans.write(dir, "log", "token " + SECRET + "\n");
        FileReport report = Scans.scan(file, known("DEPLOY_TOKEN", SECRET));
        Files.writeString(file, "token " + SECRET + "\nmore\n");

        assertThatThrownBy(() -> Redactor.redact(report))
                .isInstanceOf(RedactionException.class)
                .hasMessageContaining("changed")
                .hasMessageNotContaining(SECRET);
        assertThat(Files.readString(file)).isEqualTo("token " + SECRET + "\nmore\n");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
