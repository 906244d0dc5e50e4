package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One read of a {@link MaskingPipeline}: the bytes read and the segments the reading thread's
 * {@link TextLexer} made of them, for the masking thread to replay. Segments of the bytes read
 * refer to them; segments the lexer held from earlier reads (a colour sequence or a console note
 * split between reads) are copied, since the lexer reuses its arrays.
 */
final class LexedChunk implements TextLexer.Sink {

    private final byte[] data;
    private int dataLength;
    private byte[][] arrays = new byte[16][];
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private boolean[] invisible = new boolean[16];
    private int count;
    private boolean flush;

    LexedChunk(int capacity) {
        data = new byte[capacity];
    }

    /** Forgets the last use: no bytes, no segments, no flush. */
    void clear() {
        Arrays.fill(arrays, 0, count, null);
        count = 0;
        flush = false;
        dataLength = 0;
    }

    /**
     * Reads once from {@code in} into this cleared chunk.
     *
     * @return how many bytes were read, or -1 at the end of the input
     */
    int readFrom(InputStream in) throws IOException {
        int read = in.read(data, 0, data.length);
        dataLength = Math.max(0, read);
        return read;
    }

    /** Lexes what was read with {@code lexer}, recording its segments. */
    void lex(TextLexer lexer) throws IOException {
        lexer.feed(data, 0, dataLength, this);
    }

    /** Asks the masking thread to pass on, after this chunk, what it can decide (see {@link MaskingOutputStream#flush}). */
    void flushAfter() {
        flush = true;
    }

    boolean flushes() {
        return flush;
    }

    @Override
    public void text(byte[] b, int off, int len) {
        add(false, b, off, len);
    }

    @Override
    public void invisible(byte[] b, int off, int len) {
        add(true, b, off, len);
    }

    private void add(boolean hidden, byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        if (count == arrays.length) {
            arrays = Arrays.copyOf(arrays, 2 * count);
            offsets = Arrays.copyOf(offsets, 2 * count);
            lengths = Arrays.copyOf(lengths, 2 * count);
            invisible = Arrays.copyOf(invisible, 2 * count);
        }
        boolean own = b == data;
        arrays[count] = own ? data : Arrays.copyOfRange(b, off, off + len);
        offsets[count] = own ? off : 0;
        lengths[count] = len;
        invisible[count] = hidden;
        count++;
    }

    /** Passes the recorded segments to {@code sink} in the order the lexer made them. */
    void replay(TextLexer.Sink sink) throws IOException {
        for (int i = 0; i < count; i++) {
            if (invisible[i]) {
                sink.invisible(arrays[i], offsets[i], lengths[i]);
            } else {
                sink.text(arrays[i], offsets[i], lengths[i]);
            }
        }
    }
}
