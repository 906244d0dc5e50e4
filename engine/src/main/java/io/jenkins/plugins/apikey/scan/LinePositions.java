package io.jenkins.plugins.apikey.scan;

import java.util.Arrays;

/**
 * Turns offsets in a file into lines and columns while the file streams by: it keeps the offsets
 * of the line feeds that an offset still to be asked about may need, and counts the ones before.
 */
final class LinePositions {

    private long[] feeds = new long[256];
    private int first;
    private int count;
    private long dropped;
    private long lastDropped = -1;

    /** Notes a line feed at {@code offset}; offsets come in increasing order. */
    void lineFeed(long offset) {
        if (first + count == feeds.length) {
            if (2 * count <= feeds.length) {
                System.arraycopy(feeds, first, feeds, 0, count);
            } else {
                feeds = Arrays.copyOfRange(feeds, first, 2 * feeds.length);
            }
            first = 0;
        }
        feeds[first + count++] = offset;
    }

    /** Forgets the line feeds before {@code offset}: no later question is about an earlier offset. */
    void forgetBefore(long offset) {
        int before = before(offset);
        if (before > 0) {
            lastDropped = feeds[first + before - 1];
            dropped += before;
            first += before;
            count -= before;
        }
    }

    /** The line of {@code offset}, from 1. */
    long line(long offset) {
        return dropped + before(offset) + 1;
    }

    /** The column of {@code offset} in its line, from 1, in bytes. */
    long column(long offset) {
        int before = before(offset);
        long lineFeed = before == 0 ? lastDropped : feeds[first + before - 1];
        return offset - lineFeed;
    }

    /** How many kept line feeds lie before {@code offset}. */
    private int before(long offset) {
        int low = first;
        int high = first + count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (feeds[mid] < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - first;
    }
}
