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

    /** Receives the positions of line feeds. */
    interface LineFeeds {
        void at(int position);
    }

    private Ascii() {}

    /** Reports where the line feeds of {@code b[from, to)} are, in order, reading eight bytes a step. */
    static void lineFeeds(byte[] b, int from, int to, LineFeeds lineFeeds) {
        int i = from;
        while (i + 8 <= to) {
            long feeds = (long) LONG_LE.get(b, i) ^ LINE_FEEDS;
            // per byte, with no borrow between bytes: high bit set where the byte is a line feed
            long isFeed = ~(((feeds & LOW) + LOW) | feeds) & HIGH;
            while (isFeed != 0) {
                lineFeeds.at(i + (Long.numberOfTrailingZeros(isFeed) >>> 3));
                isFeed &= isFeed - 1;
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                lineFeeds.at(i);
            }
        }
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
