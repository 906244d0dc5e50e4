package io.jenkins.plugins.apikey.scan;

import java.util.Arrays;

/**
 * Positions in the scanner's buffer where bytes of one kind are (the line feeds, or the byte that
 * every anchor word holds), in increasing order: added as the bytes are read, dropped once the lines
 * holding them have been shown, and moved down with the buffer's content.
 */
final class Marks {

    private int[] at = new int[4096];
    private int first;
    private int count;

    /**
     * Makes room for {@code n} more positions and returns the array to write them to, from {@link
     * #end()} on; {@link #setEnd} then says how far it was written.
     */
    int[] reserve(int n) {
        if (first + count + n > at.length) {
            if (count + n <= at.length) {
                System.arraycopy(at, first, at, 0, count);
            } else {
                at = Arrays.copyOfRange(at, first, Math.max(2 * at.length, count + n));
            }
            first = 0;
        }
        return at;
    }

    /** Where the next position goes in the array of {@link #reserve}. */
    int end() {
        return first + count;
    }

    /** Takes the positions written to the array of {@link #reserve} up to {@code end}. */
    void setEnd(int end) {
        count = end - first;
    }

    /** How many positions are kept. */
    int size() {
        return count;
    }

    /** The positions kept from the {@code i}th on, in a new array. */
    int[] from(int i) {
        return Arrays.copyOfRange(at, first + i, first + count);
    }

    /** The {@code i}th position kept, from 0. */
    int get(int i) {
        return at[first + i];
    }

    /** The index of the first of the first {@code limit} positions that is at or after {@code position}, else {@code limit}. */
    int indexOf(int position, int limit) {
        int low = first;
        int high = first + limit;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (at[mid] < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - first;
    }

    /** Drops the first {@code n} positions. */
    void drop(int n) {
        first += n;
        count -= n;
        if (count == 0) {
            first = 0;
        }
    }

    /** Drops the positions before {@code position}. */
    void dropBefore(int position) {
        drop(indexOf(position, count));
    }

    /** Moves every position down by {@code shift}, as the buffer's content moved. */
    void shift(int shift) {
        for (int i = 0; i < count; i++) {
            at[i] = at[first + i] - shift;
        }
        first = 0;
    }
}
