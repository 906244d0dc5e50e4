package io.jenkins.plugins.apikey.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level helpers for the pass every scanned byte goes through, eight bytes a step. */
final class Ascii {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long LOW = ~HIGH;
    private static final long LINE_FEEDS = ONES * '\n';

    /** Receives the positions of line feeds. */
    interface LineFeeds {
        void at(int position);
    }

    private Ascii() {}

    /**
     * Copies {@code src[from, to)} to the same place in {@code dst} with ASCII letters in lower case,
     * and reports where its line feeds are, in order: one pass for both.
     */
    static void toLowerCase(byte[] src, byte[] dst, int from, int to, LineFeeds lineFeeds) {
        int i = from;
        while (i + 8 <= to) {
            long x = (long) LONG_LE.get(src, i);
            long seven = x & LOW;
            // per byte: high bit set from 'A' on, and from past 'Z' on; ASCII bytes only
            long fromA = seven + ONES * (0x80 - 'A');
            long pastZ = seven + ONES * (0x80 - 'Z' - 1);
            long upper = (fromA ^ pastZ) & ~x & HIGH;
            LONG_LE.set(dst, i, x | (upper >>> 2));
            long feeds = x ^ LINE_FEEDS;
            // per byte, with no borrow between bytes: high bit set where the byte is a line feed
            long isFeed = ~(((feeds & LOW) + LOW) | feeds) & HIGH;
            while (isFeed != 0) {
                lineFeeds.at(i + (Long.numberOfTrailingZeros(isFeed) >>> 3));
                isFeed &= isFeed - 1;
            }
            i += 8;
        }
        for (; i < to; i++) {
            byte c = src[i];
            dst[i] = c >= 'A' && c <= 'Z' ? (byte) (c | 0x20) : c;
            if (c == '\n') {
                lineFeeds.at(i);
            }
        }
    }

    /** Whether {@code c} may be part of a word: an ASCII letter or digit, or {@code _}. */
    static boolean isWord(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Whether {@code c} is a space or a tab. */
    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }
}
