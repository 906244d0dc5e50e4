package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.scan.Scans.KATALON;
import static io.jenkins.plugins.apikey.scan.Scans.known;
import static io.jenkins.plugins.apikey.scan.Scans.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Walking files and directories: recursion, links, loops, and paths that cannot be read. */
class TreeScanTest {

    private static final String SECRET = "Tok3n-for-deploys_42";

    @TempDir
    Path dir;

    /** Records what a scan reports. */
    static final class Recorder implements ScanListener {
        final List<FileReport> reports = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<Path> problemPaths = new ArrayList<>();
        ScanProgress total;

        @Override
        public void started(ScanProgress total) {
            this.total = total;
        }

        @Override
        public void scanned(FileReport report) {
            reports.add(report);
        }

        @Override
        public void problem(Path path, String message) {
            problemPaths.add(path);
            problems.add(message);
        }

        List<Path> files() {
            return reports.stream().map(FileReport::file).toList();
        }

        List<Leak> leaks() {
            return reports.stream().flatMap(report -> report.leaks().stream()).toList();
        }
    }

    private ScanSummary scan(Recorder recorder, Set<Path> excluded, Path... paths) throws InterruptedException {
        LeakScanner scanner = new LeakScanner(List.of(known("DEPLOY_TOKEN", SECRET)), ServicePresets.all());
        return new TreeScan(scanner, new KeyRegistry(null)).run(List.of(paths), excluded, recorder);
    }

    @Test
    void scansEveryRegularFileBelowADirectoryInNameOrder() throws Exception {
        Path root = dir.resolve("jobs");
        write(root, "b/builds/2/log", "token " + SECRET + "\n");
        write(root, "a/config.xml", "<x/>\n");
        write(root, "b/builds/1/log", "clean\n");
        write(root, "b/Jenkinsfile", "sh 'katalonc -apiKey=" + KATALON + "'\n");
        Recorder recorder = new Recorder();

        ScanSummary summary = scan(recorder, Set.of(), root);

        assertThat(recorder.files())
                .containsExactly(
                        root.resolve("a/config.xml"),
                        root.resolve("b/Jenkinsfile"),
                        root.resolve("b/builds/1/log"),
                        root.resolve("b/builds/2/log"));
        assertThat(recorder.leaks()).extracting(Leak::rule).containsExactly("katalon", "DEPLOY_TOKEN");
        assertThat(summary).isEqualTo(new ScanSummary(4, 0, summary.bytes(), 2, 2, 0));
        assertThat(recorder.total.files()).isEqualTo(4);
        assertThat(recorder.problems).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void goesNeitherRoundALinkLoopNorOutOfTheTree() throws Exception {
        Path root = dir.resolve("tree");
        Path outside = write(dir, "outside/secret.txt", "token " + SECRET + "\n");
        Path inside = write(root, "sub/log", "token " + SECRET + "\n");
        Files.createSymbolicLink(root.resolve("sub/loop"), root);
        Files.createSymbolicLink(root.resolve("sub/self"), Path.of("."));
        Files.createSymbolicLink(root.resolve("out"), outside.getParent());
        Files.createSymbolicLink(root.resolve("out-file"), outside);
        Files.createSymbolicLink(root.resolve("again"), inside);
        Files.createSymbolicLink(root.resolve("dangling"), dir.resolve("nothing-here"));
        Recorder recorder = new Recorder();

        ScanSummary summary = scan(recorder, Set.of(), root);

        assertThat(recorder.files()).containsExactly(inside);
        assertThat(summary.leaks()).isEqualTo(1);
        assertThat(recorder.problems).isEmpty();
    }

    @Test
    void followsALinkGivenByName() throws Exception {
        Path target = write(dir, "real/log", "token " + SECRET + "\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target.getParent());
        Recorder recorder = new Recorder();

        scan(recorder, Set.of(), link);

        assertThat(recorder.files()).containsExactly(link.resolve("log"));
        assertThat(recorder.leaks()).hasSize(1);
    }

    @Test
    void reportsAMissingPathAndGoesOn() throws Exception {
        Path file = write(dir, "log", "token " + SECRET + "\n");
        Recorder recorder = new Recorder();

        ScanSummary summary = scan(recorder, Set.of(), dir.resolve("missing"), file);

        assertThat(recorder.problemPaths).containsExactly(dir.resolve("missing"));
        assertThat(recorder.problems.get(0)).contains(dir.resolve("missing").toString());
        assertThat(summary.problems()).isEqualTo(1);
        assertThat(summary.leaks()).isEqualTo(1);
    }

    @Test
    void reportsAFileWithoutReadPermissionAndGoesOn() throws Exception {
        assumeThat(isRoot()).as("root reads files without read permission").isFalse();
        Path locked = write(dir, "a-locked", "token " + SECRET + "\n");
        Path open = write(dir, "b-open", "token " + SECRET + "\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        Recorder recorder = new Recorder();

        ScanSummary summary = scan(recorder, Set.of(), dir);

        assertThat(recorder.problemPaths).containsExactly(locked);
        assertThat(recorder.problems.get(0)).contains("cannot be read").doesNotContain(SECRET);
        assertThat(recorder.files()).containsExactly(open);
        assertThat(summary.problems()).isEqualTo(1);
        assertThat(summary.leaks()).isEqualTo(1);
    }

    @Test
    void reportsAFileThatFailsToReadAndGoesOn() throws Exception {
        // reading /proc/self/mem from its start fails with EIO, even for root
        Path unreadable = Path.of("/proc/self/mem");
        assumeThat(Files.isRegularFile(unreadable)).isTrue();
        Path open = write(dir, "log", "token " + SECRET + "\n");
        Recorder recorder = new Recorder();

        ScanSummary summary = scan(recorder, Set.of(), unreadable, open);

        assertThat(recorder.problemPaths).containsExactly(unreadable);
        assertThat(recorder.problems.get(0)).contains("cannot be read");
        assertThat(recorder.files()).containsExactly(open);
        assertThat(summary.problems()).isEqualTo(1);
        assertThat(summary.leaks()).isEqualTo(1);
    }

    @Test
    void reportsADirectoryItCannotListAndGoesOn() throws Exception {
        assumeThat(isRoot())
                .as("root lists directories without read permission")
                .isFalse();
        Path locked = Files.createDirectories(dir.resolve("a-locked"));
        write(locked, "log", "token " + SECRET + "\n");
        Path open = write(dir, "b-open", "token " + SECRET + "\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-wx------"));
        Recorder recorder = new Recorder();
        try {
            ScanSummary summary = scan(recorder, Set.of(), dir);

            assertThat(recorder.problemPaths).containsExactly(locked);
            assertThat(recorder.files()).containsExactly(open);
            assertThat(summary.problems()).isEqualTo(1);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void leavesOutExcludedFilesSuchAsTheReport() throws Exception {
        Path report = write(dir, "report.txt", "token " + SECRET + "\n");
        Path log = write(dir, "log", "token " + SECRET + "\n");
        Recorder recorder = new Recorder();

        scan(recorder, Set.of(report.toRealPath()), dir);

        assertThat(recorder.files()).containsExactly(log);
    }

    @Test
    void countsBinaryFilesApart() throws Exception {
        Files.write(dir.resolve("bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 1});
        write(dir, "text", "token " + SECRET + "\n");
        Recorder recorder = new Recorder();

        ScanSummary summary = scan(recorder, Set.of(), dir);

        assertThat(summary.binary()).isEqualTo(1);
        assertThat(summary.files()).isEqualTo(1);
        assertThat(summary.bytes()).isEqualTo(("token " + SECRET + "\n").length());
    }

    static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        id.waitFor();
        return uid.equals("0");
    }
}
