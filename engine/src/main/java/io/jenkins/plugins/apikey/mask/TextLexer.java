package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into the text that forms are matched in and the <em>invisible</em>
 * segments that matching skips and the output keeps in place:
 *
 * <ul>
 *   <li>colour sequences: {@code ESC [} up to {@value #MAX_SGR_PARAMETERS} bytes of
 *       {@code 0-9 ; :} then {@code m}, which tools insert even inside a printed secret;
 *   <li>line breaks inside wrapped Base64: a CR or LF byte ends a <em>wrapped line</em> when the
 *       bytes since the previous LF (one CR before the LF left out) are up to {@value #MAX_INDENT}
 *       spaces or tabs and then exactly 60, 64 or 76 characters of the Base64 alphabets (as
 *       {@code xxd -p}, PEM and MIME wrap); the spaces and tabs after such an LF are invisible too;
 *   <li>with console notes kept, Jenkins console notes: {@code ESC[8mha:}, characters of the
 *       standard Base64 alphabet, {@code ESC[0m}, at most {@value #MAX_NOTE_LENGTH} bytes in all,
 *       in which no form occurs. Anything else that starts like a note is lexed as colour
 *       sequences and text.
 * </ul>
 *
 * <p>Everything else is text. State carries over between calls, so segments split across writes
 * are recognised; what is pending is bounded by the longest note.
 */
final class TextLexer {

    /** The longest console note passed through as one. */
    static final int MAX_NOTE_LENGTH = 256 * 1024;

    static final int MAX_SGR_PARAMETERS = 32;
    static final int MAX_INDENT = 32;

    /** Receives text and invisible segments in the order they arrive. */
    interface Sink {
        void text(byte[] b, int off, int len) throws IOException;

        void invisible(byte[] b, int off, int len) throws IOException;
    }

    /** Decides whether a complete, well-formed note may pass: no form occurs in its bytes. */
    interface NoteCheck {
        boolean hidesNothing(byte[] note, int length);
    }

    private static final byte ESC = 0x1B;
    private static final byte[] NOTE_START = {ESC, '[', '8', 'm', 'h', 'a', ':'};
    private static final byte[] NOTE_END = {ESC, '[', '0', 'm'};
    private static final int COLOUR_PART = 4;
    private static final int MIN_WRAPPED_LINE = 60;
    private static final int MAX_WRAPPED_LINE = MAX_INDENT + 76 + 1;
    /** The lengths of unindented wrapped lines, less 60, as bits: 60, 64 and 76, each also with a CR. */
    private static final long UNINDENTED_LENGTHS = 0b11L | 0b11L << 4 | 0b11L << 16;

    private static final boolean[] BASE64 = alphabet("+/=-_");
    private static final boolean[] NOTE_BASE64 = alphabet("+/=");
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HARMLESS = 0x4040404040404040L;
    private static final long LOW = 0x2020202020202020L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long BYTE_INDEXES = 0x0001020304050607L;

    private enum State {
        TEXT,
        ESCAPE,
        NOTE,
        INDENT
    }

    private final NoteCheck notes;
    private State state = State.TEXT;
    private final byte[] escape = new byte[2 + MAX_SGR_PARAMETERS + 1];
    private int escapeLength;
    private byte[] note = new byte[0];
    private int noteLength;
    private int noteEndMatched;
    private final byte[] line = new byte[MAX_WRAPPED_LINE];
    private int lineLength;
    private boolean lineSpoiled;

    /** @param notes how to check console notes, or null to lex them as colour sequences and text */
    TextLexer(NoteCheck notes) {
        this.notes = notes;
    }

    /** The bytes held until a segment is complete. */
    int pendingBytes() {
        return escapeLength + noteLength;
    }

    void feed(byte[] b, int off, int len, Sink sink) throws IOException {
        int i = off;
        int end = off + len;
        while (i < end) {
            i = switch (state) {
                case TEXT -> text(b, i, end, sink);
                case ESCAPE -> escape(b, i, end, sink);
                case NOTE -> note(b, i, end, sink);
                case INDENT -> indent(b, i, end, sink);
            };
        }
    }

    /** Ends the stream: an unfinished segment is lexed again as what it is without its end. */
    void finish(Sink sink) throws IOException {
        while (state == State.ESCAPE || state == State.NOTE) {
            if (state == State.NOTE) {
                rejectNote(sink);
            } else {
                state = State.TEXT;
                sink.text(escape, 0, escapeLength);
                escapeLength = 0;
            }
        }
    }

    /** The canonical text of {@code bytes} on their own: their text without invisible segments. */
    static byte[] textOf(byte[] bytes) {
        ByteBuilder text = new ByteBuilder(bytes.length);
        Sink sink = new Sink() {
            @Override
            public void text(byte[] b, int off, int len) {
                text.append(b, off, len);
            }

            @Override
            public void invisible(byte[] b, int off, int len) {}
        };
        try {
            TextLexer lexer = new TextLexer(null);
            lexer.feed(bytes, 0, bytes.length, sink);
            lexer.finish(sink);
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory sink does not fail", e);
        }
        return text.toByteArray();
    }

    private int text(byte[] b, int from, int end, Sink sink) throws IOException {
        int run = from;
        int lineFrom = from;
        int i = from;
        while ((i = nextControl(b, i, end)) < end) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                if (mayEndWrappedLine(b, lineFrom, i) && isWrappedLine(b, lineFrom, i, c == '\n')) {
                    sink.text(b, run, i - run);
                    sink.invisible(b, i, 1);
                    run = i + 1;
                    if (c == '\n') {
                        lineLength = 0;
                        state = State.INDENT;
                        return i + 1;
                    }
                } else if (c == '\n') {
                    lineLength = 0;
                    lineSpoiled = false;
                    lineFrom = i + 1;
                }
            } else if (c == ESC) {
                sink.text(b, run, i - run);
                lineSpoiled = true;
                escape[0] = ESC;
                escapeLength = 1;
                state = State.ESCAPE;
                return i + 1;
            }
            i++;
        }
        sink.text(b, run, end - run);
        keepLine(b, lineFrom, end);
        return end;
    }

    /**
     * Whether the line break at {@code at} may end a wrapped line, decided from the line's length
     * and first byte without a call: most lines are ruled out here. A line that starts with no
     * indent is 60, 64 or 76 bytes long, one more with a CR before its LF.
     */
    private boolean mayEndWrappedLine(byte[] b, int lineFrom, int at) {
        int beyond = lineLength + (at - lineFrom) - MIN_WRAPPED_LINE;
        if (beyond < 0 || beyond > MAX_WRAPPED_LINE - MIN_WRAPPED_LINE || lineSpoiled) {
            return false;
        }
        return (UNINDENTED_LENGTHS >>> beyond & 1) != 0 || SecretLines.isBlank(byteOfLine(b, lineFrom, 0));
    }

    private int indent(byte[] b, int from, int end, Sink sink) throws IOException {
        int i = from;
        while (i < end && SecretLines.isBlank(b[i])) {
            i++;
        }
        if (i > from) {
            sink.invisible(b, from, i - from);
            keepLine(b, from, i);
        }
        if (i < end) {
            state = State.TEXT;
        }
        return i;
    }

    private int escape(byte[] b, int from, int end, Sink sink) throws IOException {
        int i = from;
        while (i < end) {
            byte c = b[i];
            if (escapeLength == 1 ? c == '[' : isParameter(c) && escapeLength < escape.length - 1) {
                escape[escapeLength++] = c;
                i++;
            } else if (c == 'm' && escapeLength > 1) {
                escape[escapeLength++] = c;
                i++;
                state = State.TEXT;
                if (notes != null
                        && escapeLength == COLOUR_PART
                        && Arrays.equals(escape, 0, COLOUR_PART, NOTE_START, 0, COLOUR_PART)) {
                    startNote();
                } else {
                    sink.invisible(escape, 0, escapeLength);
                }
                escapeLength = 0;
                return i;
            } else {
                state = State.TEXT;
                sink.text(escape, 0, escapeLength);
                escapeLength = 0;
                return i;
            }
        }
        return i;
    }

    private void startNote() {
        if (note.length == 0) {
            note = new byte[256];
        }
        System.arraycopy(NOTE_START, 0, note, 0, COLOUR_PART);
        noteLength = COLOUR_PART;
        noteEndMatched = 0;
        state = State.NOTE;
    }

    private int note(byte[] b, int from, int end, Sink sink) throws IOException {
        int i = from;
        while (i < end) {
            byte c = b[i];
            boolean fits;
            if (noteLength < NOTE_START.length) {
                fits = c == NOTE_START[noteLength];
            } else if (noteEndMatched > 0) {
                fits = c == NOTE_END[noteEndMatched];
            } else {
                fits = c == ESC || (c >= 0 && NOTE_BASE64[c]);
            }
            if (!fits || noteLength == MAX_NOTE_LENGTH) {
                rejectNote(sink);
                return i;
            }
            if (noteLength == note.length) {
                note = Arrays.copyOf(note, Math.min(MAX_NOTE_LENGTH, 2 * note.length));
            }
            note[noteLength++] = c;
            noteEndMatched = c == ESC ? 1 : noteEndMatched > 0 ? noteEndMatched + 1 : 0;
            i++;
            if (noteEndMatched == NOTE_END.length) {
                state = State.TEXT;
                int length = noteLength;
                noteLength = 0;
                if (notes.hidesNothing(note, length)) {
                    sink.invisible(note, 0, length);
                } else {
                    noteLength = length;
                    rejectNote(sink);
                }
                return i;
            }
        }
        return i;
    }

    /**
     * Lexes the bytes of a note that turned out not to be one as if notes were not kept: its
     * {@code ESC[8m} is a colour sequence and the rest is lexed again. The rest holds no ESC but
     * the start of an end sequence, so lexing it cannot start another note and overwrite it.
     */
    private void rejectNote(Sink sink) throws IOException {
        int length = noteLength;
        noteLength = 0;
        noteEndMatched = 0;
        state = State.TEXT;
        sink.invisible(note, 0, COLOUR_PART);
        feed(note, COLOUR_PART, length - COLOUR_PART, sink);
    }

    /** Remembers the start of the current line while it may still be a wrapped line. */
    private void keepLine(byte[] b, int from, int to) {
        if (lineSpoiled || lineLength + (to - from) > line.length) {
            lineSpoiled = true;
            return;
        }
        System.arraycopy(b, from, line, lineLength, to - from);
        lineLength += to - from;
    }

    private boolean isWrappedLine(byte[] b, int lineFrom, int at, boolean lineFeed) {
        int length = lineLength + (at - lineFrom);
        if (lineFeed && byteOfLine(b, lineFrom, length - 1) == '\r') {
            length--;
        }
        int k = 0;
        while (k < length && k < MAX_INDENT && SecretLines.isBlank(byteOfLine(b, lineFrom, k))) {
            k++;
        }
        int width = length - k;
        if (width != 60 && width != 64 && width != 76) {
            return false;
        }
        for (; k < length; k++) {
            byte c = byteOfLine(b, lineFrom, k);
            if (c < 0 || !BASE64[c]) {
                return false;
            }
        }
        return true;
    }

    private byte byteOfLine(byte[] b, int lineFrom, int k) {
        return k < lineLength ? line[k] : b[lineFrom + k - lineLength];
    }

    /**
     * The first index at or after {@code i} of a byte below 0x20, or {@code end}; 32 bytes a step,
     * then 16. The last step reads the sixteen bytes before {@code end} again, those before {@code
     * i} made harmless, rather than going on eight or one at a time: a rarely taken exit from such
     * a loop makes the JIT compiler drop the code it compiled for the lexer and start over.
     */
    static int nextControl(byte[] b, int i, int end) {
        while (i + 32 <= end) {
            long w = (long) LONG_LE.get(b, i);
            long x = (long) LONG_LE.get(b, i + 8);
            long y = (long) LONG_LE.get(b, i + 16);
            long z = (long) LONG_LE.get(b, i + 24);
            if ((((w - LOW) & ~w | (x - LOW) & ~x | (y - LOW) & ~y | (z - LOW) & ~z) & HIGH) != 0) {
                long belowW = below(w);
                long belowX = below(x);
                return belowW != 0 || belowX != 0
                        ? i + firstMarked(belowW, belowX)
                        : i + 16 + firstMarked(below(y), below(z));
            }
            i += 32;
        }
        if (i + 16 <= end) {
            long belowX = below((long) LONG_LE.get(b, i));
            long belowY = below((long) LONG_LE.get(b, i + 8));
            if ((belowX | belowY) != 0) {
                return i + firstMarked(belowX, belowY);
            }
            i += 16;
        }
        if (i >= end) {
            return end;
        }
        if (end < 16) {
            while (i < end && (b[i] & 0xFF) >= 0x20) {
                i++;
            }
            return i;
        }
        int from = end - 16;
        int skip = i - from;
        // the bytes before i get 0x40 set: then they neither count nor borrow from the next byte
        long harmlessX = skip >= 8 ? HARMLESS : HARMLESS & ((1L << (8 * skip)) - 1);
        long harmlessY = skip <= 8 ? 0 : HARMLESS & ((1L << (8 * (skip - 8))) - 1);
        long belowX = below((long) LONG_LE.get(b, from) | harmlessX);
        long belowY = below((long) LONG_LE.get(b, from + 8) | harmlessY);
        return (belowX | belowY) != 0 ? from + firstMarked(belowX, belowY) : end;
    }

    /** The bytes of {@code x} below 0x20 marked by their high bit, and maybe bytes above one. */
    private static long below(long x) {
        return (x - LOW) & ~x & HIGH;
    }

    /** The index of the lowest marked byte, a control byte: a borrow marks only bytes above one. */
    private static int firstMarked(long belowX, long belowY) {
        return belowX != 0 ? lowestMarked(belowX) : 8 + lowestMarked(belowY);
    }

    /**
     * The index of the lowest byte of {@code marks} (not 0) whose high bit is set: its lowest bit
     * moved down to the bottom of its byte, times a number whose byte {@code j} is {@code 7 - j},
     * leaves that index in the top byte. C1, which {@code bin/api-keys} runs {@code mask} on, does
     * not compile {@link Long#numberOfTrailingZeros} to one instruction, and at a line end every 80
     * bytes or so it cost a quarter of the lexer's time there.
     */
    static int lowestMarked(long marks) {
        return (int) (((marks & -marks) >>> 7) * BYTE_INDEXES >>> 56);
    }

    private static boolean isParameter(byte c) {
        return (c >= '0' && c <= '9') || c == ';' || c == ':';
    }

    private static boolean[] alphabet(String extra) {
        boolean[] in = new boolean[128];
        for (int c = 'A'; c <= 'Z'; c++) {
            in[c] = true;
            in[c + 32] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            in[c] = true;
        }
        for (int i = 0; i < extra.length(); i++) {
            in[extra.charAt(i)] = true;
        }
        return in;
    }
}
