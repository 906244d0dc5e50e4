package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.mask.Occurrence;
import io.jenkins.plugins.apikey.mask.OccurrenceStream;
import io.jenkins.plugins.apikey.mask.SecretLocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The known keys' part of one file's scan: the bytes of each chunk go to the matcher, and each
 * occurrence it reports gets its line and column. It reads the chunks in the {@link FileScan}'s
 * buffer, which must not move while it does; it may run on a thread of its own, one chunk after
 * another in order.
 */
final class KnownScan {

    /**
     * A known key's occurrence at a place in the file; the columns in bytes, and in UTF-16 code units
     * where the buffer still held the lines' starts (else 0).
     */
    record Found(
            Occurrence occurrence,
            long line,
            long column,
            long endLine,
            long endColumn,
            long charColumn,
            long charEndColumn) {}

    private final byte[] buf;
    private final OccurrenceStream stream;
    private final LinePositions positions = new LinePositions();
    private final List<Found> occurrences = new ArrayList<>();
    private final CharColumns starts = new CharColumns();
    private final CharColumns ends = new CharColumns();
    private long base;
    private int filled;

    KnownScan(SecretLocator known, byte[] buf) {
        this.buf = buf;
        this.stream = known.newStream(this::occurrence, true);
    }

    /**
     * Takes the chunk {@code buf[from, to)}, the end of what the buffer holds, with the line feeds
     * at {@code lineFeeds} in it.
     *
     * @param base the offset in the file of {@code buf[0]}
     */
    void take(int from, int to, long base, int[] lineFeeds) throws IOException {
        this.base = base;
        this.filled = to;
        for (int lineFeed : lineFeeds) {
            positions.lineFeed(base + lineFeed);
        }
        stream.write(buf, from, to - from);
        positions.forgetBefore(stream.decidedUpTo());
    }

    /** Reports the occurrences in the last bytes, the buffer holding {@code buf[0, filled)} from {@code base} on. */
    void finish(long base, int filled) throws IOException {
        this.base = base;
        this.filled = filled;
        stream.close();
    }

    /** The occurrences, in order of their start. */
    List<Found> occurrences() {
        return occurrences;
    }

    private void occurrence(Occurrence occurrence) {
        long last = occurrence.end() - 1;
        long column = positions.column(occurrence.start());
        long lastColumn = positions.column(last);
        occurrences.add(new Found(
                occurrence,
                positions.line(occurrence.start()),
                column,
                positions.line(last),
                lastColumn + 1,
                starts.charColumn(occurrence.start() - column + 1, occurrence.start()),
                ends.charColumn(last - lastColumn + 1, last + 1)));
    }

    /**
     * Counts the UTF-16 columns of offsets that come in order, going on from the last one on the same
     * line, so that many keys on one long line do not each count the line from its start.
     */
    private final class CharColumns {
        private long lineStart = -1;
        private long offset;
        private long units;

        /** 1 + the UTF-16 code units of {@code [lineStart, to)}, or 0 when the buffer no longer holds them. */
        long charColumn(long start, long to) {
            if (start < base || to > base + filled) {
                return 0;
            }
            boolean goOn = start == lineStart
                    && to >= offset
                    && offset >= base
                    && (offset == base + filled || (buf[(int) (offset - base)] & 0xC0) != 0x80);
            if (!goOn) {
                lineStart = start;
                offset = start;
                units = 0;
            }
            units += Ascii.utf16Units(buf, (int) (offset - base), (int) (to - base));
            offset = to;
            return 1 + units;
        }
    }
}
