package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.mask.SecretLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over one file's content: the line feeds of each chunk read are noted, and the chunk goes
 * to the presets' rules and to the known keys' matcher; both report with line and column. Lines
 * are shown to the rules once the buffer holds the lines around them too, so that a rule can look
 * at the object a line belongs to. Memory is bounded by the buffer (a line longer than it is looked
 * at in pieces) and what is found. Once a file has filled the buffer, the known keys are searched
 * for on a second thread ({@link Lane}) while this one reads and shows the lines, the buffer staying
 * in place until that thread has caught up.
 */
final class FileScan {

    /** The buffer: the longest piece of a line the rules see at once, with the lines around it. */
    static final int CAPACITY = 1 << 20;

    /** A file is binary when it has a NUL byte this early, as git decides. */
    static final int SNIFF = 8 * 1024;

    /** How much of the lines before and after a line rules may look at. */
    static final int CONTEXT = 16 * 1024;

    /**
     * How far the pieces of a line longer than the buffer overlap: more than any shape's key with
     * its anchor, so that a key across the end of one piece is seen whole at the start of the next.
     */
    static final int OVERLAP = 4 * 1024;

    /** Bytes read at a time. */
    private static final int CHUNK = 64 * 1024;

    private final SecretLocator known;
    private final ShapeRules shapes;
    private final List<Candidate> candidates = new ArrayList<>();
    private final byte[] buf = new byte[CAPACITY];
    private final Marks lineEnds = new Marks();
    private final Marks pivots;
    private final int pivot;
    private KnownScan knownScan;
    private Lane lane;
    private LineScanner lines;
    private int filled;
    private int lineFrom;
    private long base;
    private long lineNumber = 1;
    private long column = 1;

    /** @param known the known keys' matcher, or null when there are none */
    FileScan(SecretLocator known, ShapeRules shapes) {
        this.known = known;
        this.shapes = shapes;
        this.pivot = shapes.search().pivot();
        this.pivots = pivot < 0 ? null : new Marks();
    }

    /** Scans {@code in} to its end; false when it is binary and was not scanned. */
    boolean run(InputStream in) throws IOException {
        int n;
        while (filled < SNIFF && (n = in.read(buf, filled, SNIFF - filled)) >= 0) {
            filled += n;
        }
        for (int i = 0; i < filled; i++) {
            if (buf[i] == 0) {
                return false;
            }
        }
        lines = shapes.newFileScanner(candidates::add);
        knownScan = known == null ? null : new KnownScan(known, buf);
        try {
            scan(in);
        } finally {
            if (lane != null) {
                lane.close();
            }
        }
        return true;
    }

    /** Scans what the sniff left and the rest of {@code in}. */
    private void scan(InputStream in) throws IOException {
        take(0, filled);
        int n;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedIOException("The scan was interrupted.");
            }
            if (filled == buf.length) {
                makeRoom();
            }
            n = in.read(buf, filled, Math.min(CHUNK, buf.length - filled));
            if (n < 0) {
                break;
            }
            int from = filled;
            filled += n;
            take(from, filled);
        }
        showLines(filled, true);
        if (knownScan != null) {
            long at = base;
            int end = filled;
            run(() -> knownScan.finish(at, end));
            if (lane != null) {
                lane.await();
            }
        }
    }

    /** The known keys' occurrences, in order of their start. */
    List<KnownScan.Found> occurrences() {
        return knownScan == null ? List.of() : knownScan.occurrences();
    }

    /** What the presets' rules found, in no particular order. */
    List<Candidate> candidates() {
        return candidates;
    }

    /** Takes the new bytes {@code buf[from, to)}: to the matcher, and to the rules line by line. */
    private void take(int from, int to) throws IOException {
        int before = lineEnds.size();
        Ascii.mark(buf, from, to, pivot, lineEnds, pivots);
        if (knownScan != null) {
            int[] lineFeeds = lineEnds.from(before);
            long at = base;
            run(() -> knownScan.take(from, to, at, lineFeeds));
        }
        showLines(to - CONTEXT, false);
    }

    /** Runs a step of the known keys' search: on the {@link Lane} once there is one, else here. */
    private void run(Lane.Step step) throws IOException {
        if (lane != null) {
            lane.submit(step);
        } else {
            step.run();
        }
    }

    /**
     * Shows the rules the whole lines that end before {@code limit}, or with {@code last} every
     * byte left, the end of the file ending the last line.
     */
    private void showLines(int limit, boolean last) {
        int ready = lineEnds.size();
        if (!last) {
            while (ready > 0 && lineEnds.get(ready - 1) >= limit) {
                ready--;
            }
            if (ready == 0) {
                return;
            }
        }
        int end = last ? filled : lineEnds.get(ready - 1) + 1;
        if (end > lineFrom) {
            lines.scan(
                    buf, lineFrom, end, lineEnds, ready, pivots, lineNumber, base + lineFrom, column, 0, filled, end);
        }
        int lastStart = ready > 0 ? lineEnds.get(ready - 1) + 1 : lineFrom;
        column = ready > 0 ? 1 + (end - lastStart) : column + (end - lineFrom);
        lineNumber += ready;
        lineFrom = end;
        lineEnds.drop(ready);
        if (pivots != null) {
            pivots.dropBefore(end);
        }
    }

    /**
     * Makes room in the full buffer: keeps the lines not yet shown and the context before them. When
     * they fill it, one line longer than the buffer, the rules see what there is of it as a piece,
     * and the next piece starts {@link #OVERLAP} bytes before its end.
     */
    private void makeRoom() throws IOException {
        if (knownScan != null) {
            if (lane == null) {
                lane = new Lane("api-keys scan: known keys");
            } else {
                lane.await();
            }
        }
        if (lineFrom - CONTEXT <= 0) {
            showPiece(filled - OVERLAP);
        }
        int shift = lineFrom - CONTEXT;
        System.arraycopy(buf, shift, buf, 0, filled - shift);
        lineEnds.shift(shift);
        if (pivots != null) {
            pivots.shift(shift);
        }
        base += shift;
        filled -= shift;
        lineFrom -= shift;
    }

    /**
     * Shows the whole lines that end before {@code cut}, then the line that runs past it as a piece
     * up to the end of the buffer, with only the anchors before {@code cut}: the next piece starts at
     * {@code cut}.
     */
    private void showPiece(int cut) {
        showLines(cut, false);
        if (cut > lineFrom) {
            lines.scan(
                    buf,
                    lineFrom,
                    filled,
                    lineEnds,
                    lineEnds.size(),
                    pivots,
                    lineNumber,
                    base + lineFrom,
                    column,
                    0,
                    filled,
                    cut);
            column += cut - lineFrom;
            lineFrom = cut;
            if (pivots != null) {
                pivots.dropBefore(cut);
            }
        }
    }
}
