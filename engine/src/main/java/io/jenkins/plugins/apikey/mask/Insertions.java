package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Invisible segments waiting for the text before them to be written: a queue of positions in the
 * text, each with its bytes, holding at most {@link #capacity} bytes in all.
 */
final class Insertions {

    private final int capacity;
    private byte[] bytes = new byte[256];
    private int byteStart;
    private int byteEnd;
    private int[] positions = new int[16];
    private int[] ends = new int[16];
    private int head;
    private int tail;

    Insertions(int capacity) {
        this.capacity = capacity;
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Bytes held. */
    int size() {
        return byteEnd - byteStart;
    }

    /** The text position of the first segment; only when not {@link #isEmpty()}. */
    int firstPosition() {
        return positions[head];
    }

    boolean fits(int length) {
        return size() + length <= capacity;
    }

    /** Adds a segment at {@code position}, which is not before the last one's; must {@link #fits}. */
    void add(int position, byte[] b, int off, int len) {
        if (byteEnd + len > bytes.length) {
            System.arraycopy(bytes, byteStart, bytes, 0, size());
            for (int k = head; k < tail; k++) {
                ends[k] -= byteStart;
            }
            byteEnd -= byteStart;
            byteStart = 0;
            if (byteEnd + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(byteEnd + len, Math.min(capacity, 2 * bytes.length)));
            }
        }
        System.arraycopy(b, off, bytes, byteEnd, len);
        byteEnd += len;
        if (!isEmpty() && positions[tail - 1] == position) {
            ends[tail - 1] = byteEnd;
            return;
        }
        if (tail == positions.length) {
            System.arraycopy(positions, head, positions, 0, tail - head);
            System.arraycopy(ends, head, ends, 0, tail - head);
            tail -= head;
            head = 0;
            if (tail == positions.length) {
                positions = Arrays.copyOf(positions, 2 * tail);
                ends = Arrays.copyOf(ends, 2 * tail);
            }
        }
        positions[tail] = position;
        ends[tail++] = byteEnd;
    }

    /** Writes and removes the first segment. */
    void writeFirst(OutputStream out) throws IOException {
        out.write(bytes, byteStart, ends[head] - byteStart);
        byteStart = ends[head++];
        if (isEmpty()) {
            head = tail = byteStart = byteEnd = 0;
        }
    }

    /** Moves every position {@code by} bytes towards the start, as the text buffer is compacted. */
    void shift(int by) {
        for (int k = head; k < tail; k++) {
            positions[k] -= by;
        }
    }
}
