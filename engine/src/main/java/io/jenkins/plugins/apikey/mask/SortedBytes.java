package io.jenkins.plugins.apikey.mask;

import java.util.Arrays;

/** Lookups in byte strings kept in {@link Arrays#compareUnsigned} order. */
final class SortedBytes {

    private SortedBytes() {}

    /** The position of {@code bytes[start, end)} in {@code sorted}, or -1 when it is not there. */
    static int indexOf(byte[][] sorted, byte[] bytes, int start, int end) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = Arrays.compareUnsigned(sorted[mid], 0, sorted[mid].length, bytes, start, end);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
