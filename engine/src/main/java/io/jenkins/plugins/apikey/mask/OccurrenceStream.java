package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reports every occurrence of every form of the compiled secrets in what is written to it, with
 * the same lexing and search as {@link MaskingOutputStream}, and writes nothing. Obtain one from
 * {@link SecretLocator#newStream}.
 *
 * <p>Forms are found in the text that the {@link TextLexer} leaves of the stream; offsets are of
 * the stream as written, so a form interrupted by colour sequences, console notes or wrapped
 * Base64's line breaks runs from its first to its last byte and lists those segments as {@link
 * Occurrence#kept() kept}. Memory is bounded as in the masking stream: the text that may still
 * start a form, and one entry per place in it where invisible segments were skipped.
 *
 * <p>Not thread-safe: one writer at a time.
 */
public final class OccurrenceStream extends OutputStream {

    /** Receives occurrences in order of their start. */
    public interface Listener {
        void occurrence(Occurrence occurrence) throws IOException;
    }

    private static final int MIN_CAPACITY = 64 * 1024;

    private final PatternIndex index;
    private final SecretLocator locator;
    private final Listener listener;
    private final TextLexer lexer;
    private final Lexed lexed = new Lexed();
    private final InvisibleRuns invisible = new InvisibleRuns();
    private final byte[] single = new byte[1];
    private final byte[] text;
    private int length;
    private int scanned;
    private long textBase;
    private long consumed;
    private boolean closed;
    private long lastStart = -1;
    private int[] lastLengths = new int[8];
    private int lastLengthCount;

    OccurrenceStream(PatternIndex index, SecretLocator locator, Listener listener, boolean keepNotes) {
        this.index = index;
        this.locator = locator;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.text = new byte[index == null ? 0 : Math.max(MIN_CAPACITY, 2 * index.maxLength() + 1)];
        this.lexer = index == null ? null : new TextLexer(keepNotes ? lexed : null);
    }

    /** The offset before which no occurrence will be reported any more. */
    public long decidedUpTo() {
        return closed || index == null ? consumed : textBase + scanned + invisible.before();
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("The occurrence stream is closed.");
        }
        Objects.checkFromIndexSize(off, len, b.length);
        if (index == null) {
            consumed += len;
        } else {
            lexer.feed(b, off, len, lexed);
        }
    }

    /** Reports the occurrences that the end of the stream decides: those in the last bytes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (index == null) {
            return;
        }
        lexer.finish(lexed);
        int limit = length - index.window() + 1;
        int hold = scanned;
        while (hold < limit) {
            hold = index.scan(text, hold, limit, length, lexed);
            if (hold >= limit) {
                break;
            }
            // a longer form cut off by the end never completes: report the whole ones here
            index.reportWholeAt(text, hold, length, lexed);
            hold++;
        }
    }

    private void appendText(byte[] b, int off, int len) throws IOException {
        consumed += len;
        while (len > 0) {
            if (length == text.length) {
                compact();
            }
            int chunk = Math.min(len, text.length - length);
            System.arraycopy(b, off, text, length, chunk);
            length += chunk;
            off += chunk;
            len -= chunk;
            int limit = length - index.maxLength() + 1;
            if (limit > scanned) {
                scanned = index.scan(text, scanned, limit, length, lexed);
                invisible.forget(textBase + scanned);
            }
        }
    }

    private void compact() {
        System.arraycopy(text, scanned, text, 0, length - scanned);
        length -= scanned;
        textBase += scanned;
        scanned = 0;
    }

    /** Reports {@code text[start, end)}, a form, at its offsets in the stream. */
    private void report(int start, int end) throws IOException {
        long first = textBase + start;
        if (isRepeated(first, end - start)) {
            return;
        }
        long last = textBase + end - 1;
        SecretLocator.Label label = locator.labelOf(text, start, end);
        listener.occurrence(new Occurrence(
                first + invisible.upTo(first),
                last + invisible.upTo(last) + 1,
                label.secret(),
                label.form(),
                invisible.inside(first, last)));
    }

    /**
     * Whether the form of {@code length} bytes at text offset {@code first} was reported already.
     * The search reports the forms that fit at a position before it finds one cut off by the end
     * of the text received, and searches that position again once more text has come (or, at the
     * end, reports what fits there): the masker masks such a form twice, harmlessly; a report must
     * not list it twice. Starts arrive in order, so only the forms at the last start are kept.
     */
    private boolean isRepeated(long first, int length) {
        if (first != lastStart) {
            lastStart = first;
            lastLengthCount = 0;
        } else {
            for (int i = 0; i < lastLengthCount; i++) {
                if (lastLengths[i] == length) {
                    return true;
                }
            }
        }
        if (lastLengthCount == lastLengths.length) {
            lastLengths = Arrays.copyOf(lastLengths, 2 * lastLengths.length);
        }
        lastLengths[lastLengthCount++] = length;
        return false;
    }

    /**
     * The runs of invisible bytes skipped between text bytes: for each place in the text (the
     * position of the text byte they precede), where in the stream the run starts and how long it
     * is. Runs before every place that can still start an occurrence are folded into one count.
     */
    private static final class InvisibleRuns {
        private long[] place = new long[16];
        private long[] start = new long[16];
        private long[] total = new long[16];
        private int first;
        private int count;
        private long folded;

        /** Adds {@code length} invisible bytes at stream offset {@code at}, before text position {@code before}. */
        void add(long before, long at, int length) {
            int last = first + count - 1;
            if (count > 0 && place[last] == before) {
                total[last] += length;
                return;
            }
            if (first + count == place.length) {
                if (count * 2 < place.length) {
                    System.arraycopy(place, first, place, 0, count);
                    System.arraycopy(start, first, start, 0, count);
                    System.arraycopy(total, first, total, 0, count);
                } else {
                    place = Arrays.copyOfRange(place, first, 2 * place.length);
                    start = Arrays.copyOfRange(start, first, 2 * start.length);
                    total = Arrays.copyOfRange(total, first, 2 * total.length);
                }
                first = 0;
            }
            place[first + count] = before;
            start[first + count] = at;
            total[first + count] = (count == 0 ? folded : total[first + count - 1]) + length;
            count++;
        }

        /** Folds the runs before text positions up to {@code position}, where no occurrence can start any more. */
        void forget(long position) {
            while (count > 0 && place[first] <= position) {
                folded = total[first];
                first++;
                count--;
            }
            if (count == 0) {
                first = 0;
            }
        }

        /** The invisible bytes before the first {@link #forget forgotten}-up-to text position. */
        long before() {
            return folded;
        }

        /** The invisible bytes before the text byte at {@code position}. */
        long upTo(long position) {
            int low = first;
            int high = first + count;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (place[mid] <= position) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low == first ? folded : total[low - 1];
        }

        /** The runs strictly after text position {@code from} and up to {@code to}, as stream ranges. */
        List<Occurrence.Range> inside(long from, long to) {
            List<Occurrence.Range> runs = List.of();
            for (int i = first; i < first + count && place[i] <= to; i++) {
                if (place[i] > from) {
                    if (runs.isEmpty()) {
                        runs = new ArrayList<>(2);
                    }
                    long length = total[i] - (i == first ? folded : total[i - 1]);
                    runs.add(new Occurrence.Range(start[i], start[i] + length));
                }
            }
            return runs;
        }
    }

    /** Where the lexer's and the search's output goes. */
    private final class Lexed implements TextLexer.Sink, TextLexer.NoteCheck, PatternIndex.MatchSink {
        @Override
        public void text(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                appendText(b, off, len);
            }
        }

        @Override
        public void invisible(byte[] b, int off, int len) {
            if (len == 0) {
                return;
            }
            invisible.add(textBase + length, consumed, len);
            consumed += len;
        }

        @Override
        public boolean hidesNothing(byte[] note, int noteLength) {
            return !index.occursIn(note, 0, noteLength);
        }

        @Override
        public void match(int start, int end) throws IOException {
            report(start, end);
        }
    }
}
