package io.jenkins.plugins.apikey.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decides, a few operations per eight bytes, that a range of bytes is plain text: that {@link
 * TextLexer} would find no invisible segment in it. Most of a log is, and the lexer's own loop
 * stops at every line end to measure the line; this test does not, so a plain chunk costs one
 * quick look at its bytes before the search.
 *
 * <p>The test is conservative: it may call a range not plain that is (the lexer then reads it
 * byte by byte, as always), never the reverse. A range is plain when it holds no ESC byte and no
 * 60 bytes in a row without a <em>breaker</em>: a byte below {@code '+'} (controls, space and
 * most punctuation), {@code '.'} or {@code ':'}. A wrapped line ends after at least 60 characters
 * of the Base64 alphabets, which holds none of them, so a range without such a run ends no
 * wrapped line, provided it starts where a line starts or inside a line that cannot be wrapped.
 */
final class PlainText {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long ESC = 0x1B * ONES;
    private static final long BELOW_PLUS = '+' * ONES;
    private static final long DOT = '.' * ONES;
    private static final long COLON = ':' * ONES;

    /** Bytes per step: three words, of which the first is tested for breakers. */
    private static final int STEP = 24;

    private PlainText() {}

    /**
     * Whether {@code b[from, end)} certainly holds no ESC byte and no end of a wrapped line,
     * where {@code from} is the start of a line or lies inside a line that cannot be wrapped.
     *
     * <p>Why testing every third word for breakers is enough: 60 bytes in a row cover at least six
     * whole words counted from {@code from}, so two words in a row of every third one, and a
     * wrapped line's Base64 characters leave both without a breaker.
     */
    static boolean isPlain(byte[] b, int from, int end) {
        long escapes = 0;
        long lastBreakers = HIGH;
        int i = from;
        for (; i + STEP <= end; i += STEP) {
            long x = (long) LONG_LE.get(b, i);
            long y = (long) LONG_LE.get(b, i + 8) ^ ESC;
            long z = (long) LONG_LE.get(b, i + 16) ^ ESC;
            long w = x ^ ESC;
            escapes |= (w - ONES) & ~w | (y - ONES) & ~y | (z - ONES) & ~z;
            long breakers = breakers(x);
            if ((lastBreakers | breakers) == 0) {
                return false;
            }
            lastBreakers = breakers;
        }
        if (i + 8 <= end && (lastBreakers | breakers((long) LONG_LE.get(b, i))) == 0) {
            return false;
        }
        if ((escapes & HIGH) != 0) {
            return false;
        }
        for (; i < end; i++) {
            if (b[i] == 0x1B) {
                return false;
            }
        }
        return true;
    }

    /** Non-zero when {@code x} holds a breaker byte: one below {@code '+'}, {@code '.'} or {@code ':'}. */
    private static long breakers(long x) {
        long dots = x ^ DOT;
        long colons = x ^ COLON;
        return ((x - BELOW_PLUS) & ~x | (dots - ONES) & ~dots | (colons - ONES) & ~colons) & HIGH;
    }

    /** The index of the last LF in {@code b[from, end)}, or {@code from - 1}. */
    static int lastLineFeed(byte[] b, int from, int end) {
        int i = end - 1;
        while (i >= from && b[i] != '\n') {
            i--;
        }
        return i;
    }

    /** The index of the first LF in {@code b[from, end)}, or {@code end}. */
    static int firstLineFeed(byte[] b, int from, int end) {
        int i = from;
        while (i < end && b[i] != '\n') {
            i++;
        }
        return i;
    }
}
