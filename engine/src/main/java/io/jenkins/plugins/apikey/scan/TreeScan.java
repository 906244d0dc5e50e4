package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.verify.Verification;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans files and directories with a {@link LeakScanner}, reporting each file, each problem and
 * the progress to a {@link ScanListener}. It first counts the files and bytes to read (a walk
 * without reading), then walks again and scans; a file that cannot be read is reported and the
 * scan goes on. One scan per instance, on the calling thread (a file larger than the scan buffer
 * has its known keys searched for on a second thread meanwhile); interrupting the calling thread
 * stops it.
 */
public final class TreeScan {

    /** Progress is reported at least this often within a file. */
    private static final long PROGRESS_STEP = 8L << 20;

    private final LeakScanner scanner;
    private final KeyRegistry keys;
    private long files;
    private long binary;
    private long bytes;
    private long filesWithLeaks;
    private long leaks;
    private long problems;
    private long filesDone;
    private long bytesDone;

    /** @param keys numbers the keys found and, if it was made so, verifies them */
    public TreeScan(LeakScanner scanner, KeyRegistry keys) {
        this.scanner = scanner;
        this.keys = keys;
    }

    /**
     * Scans {@code paths}: files, and directories with every regular file below them (see the
     * class comment of the walk: symbolic links below a directory are not followed).
     *
     * @param excluded real paths of files to leave out, such as the report being written
     */
    public ScanSummary run(List<Path> paths, Set<Path> excluded, ScanListener listener) throws InterruptedException {
        FileTree tree = new FileTree(paths, excluded);
        ScanProgress total = measure(tree);
        listener.started(total);
        tree.walk(new FileTree.Visitor() {
            @Override
            public void file(Path file, long size) throws InterruptedException {
                scan(file, size, total, listener);
            }

            @Override
            public void problem(Path path, String message) {
                problems++;
                listener.problem(path, message);
            }
        });
        return new ScanSummary(files, binary, bytes, filesWithLeaks, leaks, problems);
    }

    private void scan(Path file, long size, ScanProgress total, ScanListener listener) throws InterruptedException {
        long start = bytesDone;
        long[] reported = {0};
        FileReport report;
        try {
            report = scanner.scan(file, keys, read -> {
                if (read - reported[0] >= PROGRESS_STEP) {
                    reported[0] = read;
                    listener.progress(new ScanProgress(filesDone, total.files(), start + read, total.bytes()));
                }
            });
        } catch (InterruptedIOException e) {
            throw interrupted(e);
        } catch (IOException e) {
            problems++;
            listener.problem(file, EngineMessages.scanUnreadable(file, e));
            report = null;
        }
        filesDone++;
        bytesDone = start + size;
        if (report != null) {
            if (report.binary()) {
                binary++;
            } else {
                files++;
                bytes += report.size();
                leaks += report.leaks().size();
                filesWithLeaks += report.leaks().isEmpty() ? 0 : 1;
            }
            listener.scanned(report);
            reportVerifications(report, listener);
        }
        listener.progress(new ScanProgress(filesDone, total.files(), bytesDone, total.bytes()));
    }

    private void reportVerifications(FileReport report, ScanListener listener) {
        Map<Integer, Verification> verified = keys.takeNew();
        for (Leak leak : report.leaks()) {
            Verification verification = verified.remove(leak.key());
            if (verification != null) {
                listener.verified(leak, verification);
            }
        }
    }

    /** The files and bytes a walk will find, counted without reading any file. */
    private static ScanProgress measure(FileTree tree) throws InterruptedException {
        long[] counts = new long[2];
        tree.walk(new FileTree.Visitor() {
            @Override
            public void file(Path file, long size) {
                counts[0]++;
                counts[1] += size;
            }

            @Override
            public void problem(Path path, String message) {}
        });
        return new ScanProgress(0, counts[0], 0, counts[1]);
    }

    private static InterruptedException interrupted(InterruptedIOException e) {
        InterruptedException interrupted = new InterruptedException("The scan was interrupted.");
        interrupted.initCause(e);
        return interrupted;
    }
}
