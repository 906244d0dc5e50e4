package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;

/**
 * Writes what it is given to another stream with every occurrence of every form of the compiled
 * secrets replaced by {@code ****}. Obtain one from {@link SecretMatcher#newStream}.
 *
 * <p>Matches are found across any {@code write} boundaries, without line buffering. Where matches
 * overlap or touch, their union is replaced by a single {@code ****}. To decide a byte the stream
 * needs at most the next (longest form - 1) bytes, so it holds back no more than that and its
 * memory does not depend on line length. {@link #flush()} passes on every byte that can no longer
 * start a match and keeps the rest; {@link #close()} passes on the held tail, masking it when it is
 * the start of a form and at least the minimum length long.
 *
 * <p>With console notes kept, bytes from {@code ESC[8mha:} to the next {@code ESC[0m} go through
 * unchanged and in place, and matching sees the text around them as if they were not there. A note
 * is itself held back only while the text before it is; a note over {@value #NOTE_BUFFER_LIMIT}
 * bytes arriving then forces the decision on that text as {@link #close()} would.
 *
 * <p>A stream that decides each write passes on, after every {@code write}, what {@link #flush()}
 * would, without flushing the target: it holds back only text that may be the start of a form.
 * That is for logs whose streams are dropped without being closed, as Pipeline drops the stream of
 * each step.
 *
 * <p>Not thread-safe: one writer at a time.
 */
public final class MaskingOutputStream extends OutputStream {

    /** What each masked range becomes. */
    public static final String MASK = "****";

    static final int NOTE_BUFFER_LIMIT = 64 * 1024;

    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_CAPACITY = 64 * 1024;
    private static final byte ESC = 0x1B;
    private static final byte[] NOTE_START = "\u001B[8mha:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOTE_END = "\u001B[0m".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final PatternIndex index;
    private final int minLength;
    private final boolean keepNotes;
    private final boolean decideEachWrite;
    private final boolean[] startsPattern = new boolean[256];
    private final MatchQueue sink = new MatchQueue(this::mask);
    private final byte[] single = new byte[1];
    private final byte[] text;
    private int length;
    private int scanned;
    private int emitted;
    private int maskEnd = -1;
    private long maskedCount;
    private boolean closed;

    private int noteStartMatched;
    private boolean inNote;
    private int noteEndMatched;
    private boolean noteDirect;
    private final Deque<PendingNote> pendingNotes = new ArrayDeque<>();

    MaskingOutputStream(
            OutputStream out, PatternIndex index, int minLength, boolean keepNotes, boolean decideEachWrite) {
        this.out = out;
        this.index = index;
        this.minLength = minLength;
        this.keepNotes = keepNotes;
        this.decideEachWrite = decideEachWrite;
        this.text = new byte[index == null ? 0 : Math.max(MIN_CAPACITY, 2 * index.maxLength() + 1)];
        if (index != null) {
            index.markFirstBytes(startsPattern);
        }
    }

    /** How many ranges have been replaced by {@link #MASK} so far. */
    public long maskedCount() {
        return maskedCount;
    }

    /** Text bytes received but not yet written or masked. */
    int heldBytes() {
        return length - emitted;
    }

    /** Bytes received that may begin a console note and are held until it is known whether they do. */
    int heldNoteStart() {
        return noteStartMatched;
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
        if (closed) {
            throw new IOException("The masking stream is closed.");
        }
        Objects.checkFromIndexSize(off, len, b.length);
        if (index == null) {
            out.write(b, off, len);
        } else {
            if (keepNotes) {
                splitNotes(b, off, off + len);
            } else {
                appendText(b, off, len);
            }
            if (decideEachWrite) {
                decideTail(false);
            }
        }
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

    /** Passes on everything held, masking a tail that starts a form, then closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (index != null) {
                if (noteStartMatched > 0) {
                    appendText(NOTE_START, 0, noteStartMatched);
                    noteStartMatched = 0;
                }
                for (PendingNote note : pendingNotes) {
                    note.complete = true;
                }
                decideTail(true);
            }
            out.flush();
        } finally {
            closed = true;
            out.close();
        }
    }

    // ---- console notes ---------------------------------------------------------------------

    private void splitNotes(byte[] b, int from, int end) throws IOException {
        int i = from;
        while (i < end) {
            if (inNote) {
                int start = i;
                while (i < end && noteEndMatched < NOTE_END.length) {
                    noteEndMatched = b[i] == NOTE_END[noteEndMatched] ? noteEndMatched + 1 : (b[i] == ESC ? 1 : 0);
                    i++;
                }
                noteBytes(b, start, i - start);
                if (noteEndMatched == NOTE_END.length) {
                    endNote();
                }
            } else if (noteStartMatched > 0) {
                if (b[i] == NOTE_START[noteStartMatched]) {
                    i++;
                    if (++noteStartMatched == NOTE_START.length) {
                        noteStartMatched = 0;
                        startNote();
                    }
                } else {
                    appendText(NOTE_START, 0, noteStartMatched);
                    noteStartMatched = 0;
                }
            } else {
                int esc = i;
                while (esc < end && b[esc] != ESC) {
                    esc++;
                }
                appendText(b, i, esc - i);
                if (esc < end) {
                    noteStartMatched = 1;
                    esc++;
                }
                i = esc;
            }
        }
    }

    private void startNote() throws IOException {
        inNote = true;
        noteEndMatched = 0;
        decideTail(false);
        if (emitted == length && pendingNotes.isEmpty()) {
            noteDirect = true;
            out.write(NOTE_START);
        } else {
            PendingNote note = new PendingNote(length);
            note.append(NOTE_START, 0, NOTE_START.length);
            pendingNotes.addLast(note);
        }
    }

    private void noteBytes(byte[] b, int off, int len) throws IOException {
        if (noteDirect) {
            out.write(b, off, len);
            return;
        }
        PendingNote note = pendingNotes.getLast();
        note.append(b, off, len);
        if (note.size > NOTE_BUFFER_LIMIT) {
            decideTail(true);
        }
    }

    private void endNote() {
        inNote = false;
        noteEndMatched = 0;
        if (noteDirect) {
            noteDirect = false;
        } else {
            pendingNotes.getLast().complete = true;
        }
    }

    /** Writes the notes that all text before them has been written for. */
    private void drainNotes() throws IOException {
        while (!pendingNotes.isEmpty() && pendingNotes.peekFirst().position <= emitted) {
            PendingNote note = pendingNotes.removeFirst();
            out.write(note.bytes, 0, note.size);
            if (!note.complete) {
                noteDirect = true;
            }
        }
    }

    // ---- text ------------------------------------------------------------------------------

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
                scanned = index.scan(text, scanned, limit, length, sink);
                emitText(scanned);
            }
        }
    }

    /**
     * Decides the positions that full-length scanning cannot yet: matches that fit in the text
     * received, and where the first possible start of a later match is. Without {@code last}, text
     * from there on is held; with it, that text is masked when it is at least the minimum length.
     */
    private void decideTail(boolean last) throws IOException {
        int limit = length - index.window() + 1;
        int hold = scanned;
        if (limit > hold) {
            hold = index.scan(text, hold, limit, length, sink);
        }
        if (hold >= limit) {
            while (hold < length && !(startsPattern[text[hold] & 0xFF] && index.isProperPrefix(text, hold, length))) {
                hold++;
            }
        }
        if (last) {
            if (hold < length && length - hold >= minLength) {
                mask(hold, length);
            }
            hold = length;
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
        drainNotes();
    }

    /** Writes the text before {@code to} that is not written or masked yet, notes in place. */
    private void emitText(int to) throws IOException {
        drainNotes();
        while (emitted < to) {
            int stop = to;
            PendingNote next = pendingNotes.peekFirst();
            if (next != null && next.position < stop) {
                stop = next.position;
            }
            out.write(text, emitted, stop - emitted);
            emitted = stop;
            drainNotes();
        }
    }

    private void compact() {
        int shift = scanned;
        System.arraycopy(text, shift, text, 0, length - shift);
        length -= shift;
        scanned = 0;
        emitted -= shift;
        maskEnd = maskEnd >= shift ? maskEnd - shift : -1;
        for (PendingNote note : pendingNotes) {
            note.position -= shift;
        }
    }

    /** A console note waiting for the text before it. */
    private static final class PendingNote {
        int position;
        byte[] bytes = new byte[64];
        int size;
        boolean complete;

        PendingNote(int position) {
            this.position = position;
        }

        void append(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }
    }
}
