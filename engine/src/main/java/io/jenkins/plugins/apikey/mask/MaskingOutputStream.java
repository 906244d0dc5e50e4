package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes what it is given to another stream with every occurrence of every form of the compiled
 * secrets replaced by {@code ****}. Obtain one from {@link SecretMatcher#newStream}.
 *
 * <p>A {@link TextLexer} separates the text that forms are matched in from invisible segments:
 * colour sequences, line breaks inside wrapped Base64 and, when asked, Jenkins console notes.
 * Invisible segments are written unchanged and in place; a form interrupted by them is still
 * found, and masking it writes {@code ****} followed by the segments that were inside it.
 *
 * <p>Matches are found across any {@code write} boundaries, without line buffering. Where matches
 * overlap or touch, their union is replaced by a single {@code ****}. To decide a byte of text the
 * stream needs at most the next (longest form - 1) bytes, so it holds back no more than that.
 * {@link #flush()} passes on every byte that can no longer start a match and keeps the rest;
 * {@link #close()} passes on everything: a held start of a form that never became one is written
 * unchanged.
 *
 * <p>Memory is bounded by a constant: the text buffer, the lexer's pending segment (at most {@link
 * #MAX_NOTE_LENGTH} bytes) and the invisible segments waiting for held text (at most twice that).
 * Should they exceed it (a log made of notes inside held text), they are written ahead of the
 * held text rather than kept: out of place by less than the longest form, but never lost.
 *
 * <p>A stream that decides each write passes on, after every {@code write}, what {@link #flush()}
 * would, without flushing the target: it holds back only what may be the start of a form or of an
 * invisible segment. That is for logs whose streams are dropped without being closed, as Pipeline
 * drops the stream of each step.
 *
 * <p>Not thread-safe: one writer at a time.
 */
public final class MaskingOutputStream extends OutputStream {

    /** What each masked range becomes. */
    public static final String MASK = "****";

    /** The longest console note passed through as one; longer note-shaped bytes are text. */
    public static final int MAX_NOTE_LENGTH = TextLexer.MAX_NOTE_LENGTH;

    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_CAPACITY = 64 * 1024;

    private final OutputStream out;
    private final PatternIndex index;
    private final TextLexer lexer;
    private final boolean decideEachWrite;
    private final Insertions insertions = new Insertions(2 * MAX_NOTE_LENGTH);
    private final Lexed lexed = new Lexed();
    private final byte[] single = new byte[1];
    private final byte[] text;
    private int length;
    private int scanned;
    private int emitted;
    private int maskEnd = -1;
    private long maskedCount;
    private boolean closed;

    MaskingOutputStream(OutputStream out, PatternIndex index, boolean keepNotes, boolean decideEachWrite) {
        this.out = out;
        this.index = index;
        this.decideEachWrite = decideEachWrite;
        this.text = new byte[index == null ? 0 : Math.max(MIN_CAPACITY, 2 * index.maxLength() + 1)];
        this.lexer = index == null ? null : new TextLexer(keepNotes ? lexed : null);
    }

    /** How many ranges have been replaced by {@link #MASK} so far. */
    public long maskedCount() {
        return maskedCount;
    }

    /** Text bytes received but not yet written or masked. */
    int heldBytes() {
        return length - emitted;
    }

    /** Bytes of invisible segments held: waiting for text, or not yet complete. */
    int heldInvisibleBytes() {
        return insertions.size() + heldUnlexedBytes();
    }

    /** The last bytes received, held until the lexer knows what segment they start. */
    int heldUnlexedBytes() {
        return lexer == null ? 0 : lexer.pendingBytes();
    }

    int capacity() {
        return text.length;
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(off, len, b.length);
        if (index == null) {
            out.write(b, off, len);
        } else {
            lexer.feed(b, off, len, lexed);
            if (decideEachWrite) {
                decideTail(false);
            }
        }
    }

    /**
     * Masks the segments another thread's lexer made of the next bytes, as {@link #write} masks
     * what this stream's own lexer makes of them. For a stream from {@link SecretMatcher#newStream},
     * whose lexer is never fed then, and which does not decide each write.
     */
    void writeLexed(LexedChunk chunk) throws IOException {
        ensureOpen();
        chunk.replay(lexed);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The masking stream is closed.");
        }
    }

    /** How this stream checks console notes, for a lexer on another thread: it only reads the search tables. */
    TextLexer.NoteCheck noteCheck() {
        return lexed;
    }

    /** Passes on every byte that can no longer be part of a match, then flushes the target. */
    @Override
    public void flush() throws IOException {
        if (closed) {
            return;
        }
        if (index != null) {
            decideTail(false);
        }
        out.flush();
    }

    /** Passes on everything held, masking only whole forms, then closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (index != null) {
                lexer.finish(lexed);
                decideTail(true);
            }
            out.flush();
        } finally {
            closed = true;
            out.close();
        }
    }

    private void appendText(byte[] b, int off, int len) throws IOException {
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
                emitText(scanned);
            }
        }
    }

    private void appendInvisible(byte[] b, int off, int len) throws IOException {
        if (emitted == length && insertions.isEmpty()) {
            out.write(b, off, len);
            return;
        }
        if (!insertions.fits(len)) {
            // Bounded memory wins over placement: the held text may still start a form, so it
            // cannot be written yet, but what waits for it can, a little early.
            while (!insertions.isEmpty()) {
                insertions.writeFirst(out);
            }
            if (!insertions.fits(len)) {
                out.write(b, off, len);
                return;
            }
        }
        insertions.add(length, b, off, len);
    }

    /**
     * Decides the positions that full-length scanning cannot yet: matches that fit in the text
     * received, and where the first possible start of a later match is. Without {@code last},
     * text from there on is held; with it, it is written.
     */
    private void decideTail(boolean last) throws IOException {
        int limit = length - index.window() + 1;
        int hold = scanned;
        while (hold < limit) {
            hold = index.scan(text, hold, limit, length, lexed);
            if (!last || hold >= limit) {
                break;
            }
            // A longer form cut off by the end of the input never completes: report the whole
            // ones at that position and go on.
            index.reportWholeAt(text, hold, length, lexed);
            hold++;
        }
        if (last) {
            hold = length;
        } else if (hold >= limit) {
            while (hold < length && !(index.startsPattern(text[hold]) && index.isProperPrefix(text, hold, length))) {
                hold++;
            }
        }
        scanned = hold;
        emitText(hold);
    }

    /** Masks {@code [start, end)}; starts arrive in order, so only the last range can grow. */
    private void mask(int start, int end) throws IOException {
        if (start <= maskEnd) {
            if (end > maskEnd) {
                maskEnd = end;
                emitted = end;
            }
        } else {
            emitText(start);
            out.write(MASK_BYTES);
            maskedCount++;
            maskEnd = end;
            emitted = end;
        }
        writeInsertionsUpTo(emitted);
    }

    /** Writes the text before {@code to} that is not written or masked yet, segments in place. */
    private void emitText(int to) throws IOException {
        writeInsertionsUpTo(emitted);
        while (emitted < to) {
            int stop = to;
            if (!insertions.isEmpty() && insertions.firstPosition() < stop) {
                stop = insertions.firstPosition();
            }
            out.write(text, emitted, stop - emitted);
            emitted = stop;
            writeInsertionsUpTo(emitted);
        }
    }

    private void writeInsertionsUpTo(int position) throws IOException {
        while (!insertions.isEmpty() && insertions.firstPosition() <= position) {
            insertions.writeFirst(out);
        }
    }

    private void compact() {
        int shift = scanned;
        System.arraycopy(text, shift, text, 0, length - shift);
        length -= shift;
        scanned = 0;
        emitted -= shift;
        maskEnd = maskEnd >= shift ? maskEnd - shift : -1;
        insertions.shift(shift);
    }

    /**
     * Where the lexer's and the search's output goes. A class rather than method references,
     * whose first use costs start-up time.
     */
    private final class Lexed implements TextLexer.Sink, TextLexer.NoteCheck, PatternIndex.MatchSink {
        @Override
        public void text(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                appendText(b, off, len);
            }
        }

        @Override
        public void invisible(byte[] b, int off, int len) throws IOException {
            appendInvisible(b, off, len);
        }

        @Override
        public boolean hidesNothing(byte[] note, int noteLength) {
            return !index.occursIn(note, 0, noteLength);
        }

        @Override
        public void match(int start, int end) throws IOException {
            mask(start, end);
        }
    }
}
