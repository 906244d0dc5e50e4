package io.jenkins.plugins.apikey.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level helpers for the pass every scanned byte goes through, eight bytes a step, and for ASCII case. */
final class Ascii {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long LOW = ~HIGH;
    private static final long LINE_FEEDS = ONES * '\n';

    private Ascii() {}

    /**
     * Marks where the line feeds of {@code b[from, to)} are and, unless {@code pivot} is -1, where
     * the byte {@code pivot} is in either ASCII case (it is not an upper-case letter), in order, in
     * one pass that reads eight bytes a step.
     */
    static void mark(byte[] b, int from, int to, int pivot, Marks lineFeeds, Marks pivots) {
        if (pivot < 0) {
            markLineFeeds(b, from, to, lineFeeds);
            return;
        }
        // a letter and its upper case differ in bit 0x20 alone, and no other byte shares its lower case
        int fold = pivot >= 'a' && pivot <= 'z' ? 0x20 : 0;
        long folds = ONES * fold;
        long pivotBytes = ONES * pivot;
        int[] feedsAt = lineFeeds.reserve(to - from);
        int[] pivotsAt = pivots.reserve(to - from);
        int f = lineFeeds.end();
        int p = pivots.end();
        int i = from;
        while (i + 8 <= to) {
            long x = (long) LONG_LE.get(b, i);
            long feeds = zeroBytes(x ^ LINE_FEEDS);
            long marked = zeroBytes((x | folds) ^ pivotBytes);
            while (feeds != 0) {
                feedsAt[f++] = i + (Long.numberOfTrailingZeros(feeds) >>> 3);
                feeds &= feeds - 1;
            }
            while (marked != 0) {
                pivotsAt[p++] = i + (Long.numberOfTrailingZeros(marked) >>> 3);
                marked &= marked - 1;
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                feedsAt[f++] = i;
            }
            if (((b[i] & 0xFF) | fold) == pivot) {
                pivotsAt[p++] = i;
            }
        }
        lineFeeds.setEnd(f);
        pivots.setEnd(p);
    }

    private static void markLineFeeds(byte[] b, int from, int to, Marks lineFeeds) {
        int[] feedsAt = lineFeeds.reserve(to - from);
        int f = lineFeeds.end();
        int i = from;
        while (i + 8 <= to) {
            long feeds = zeroBytes((long) LONG_LE.get(b, i) ^ LINE_FEEDS);
            while (feeds != 0) {
                feedsAt[f++] = i + (Long.numberOfTrailingZeros(feeds) >>> 3);
                feeds &= feeds - 1;
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                feedsAt[f++] = i;
            }
        }
        lineFeeds.setEnd(f);
    }

    /** Per byte of {@code v}, exactly, with no borrow between bytes: the high bit set where the byte is zero. */
    private static long zeroBytes(long v) {
        return ~(((v & LOW) + LOW) | v) & HIGH;
    }

    /** Whether {@code b} holds {@code lower}, a word in lower case, at {@code at}, in any ASCII case. */
    static boolean equalsLowerCase(byte[] b, int at, byte[] lower) {
        for (int k = 0; k < lower.length; k++) {
            byte c = b[at + k];
            if ((c >= 'A' && c <= 'Z' ? (byte) (c | 0x20) : c) != lower[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many UTF-16 code units the UTF-8 text {@code b[from, to)} takes, as SARIF counts columns:
     * one per character, two for one beyond the Basic Multilingual Plane, and one for each piece of
     * malformed or cut-off UTF-8, as decoders replace it with one character.
     */
    static int utf16Units(byte[] b, int from, int to) {
        int units = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            int length = c < 0x80
                    ? 1
                    : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (length <= 1) {
                units++;
                i++;
                continue;
            }
            int k = 1;
            while (k < length && i + k < to && (b[i + k] & 0xC0) == 0x80) {
                k++;
            }
            units += k == length && length == 4 ? 2 : 1;
            i += k;
        }
        return units;
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
