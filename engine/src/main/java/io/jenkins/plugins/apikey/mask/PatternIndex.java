package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds every occurrence of a set of byte patterns in one left-to-right pass, skipping ahead on a
 * shift table (the Wu–Manber scheme).
 *
 * <p>Let {@code m} be the shortest pattern length (capped at {@link #MAX_WINDOW}) and {@code B}
 * the block size: 8 bytes when {@code m >= 16}, so that keys made of few symbols (hex digits) do
 * not share most of their blocks with ordinary log text; else 4, or {@code m} when smaller. For a start position {@code p} the search
 * hashes the block of text that ends at {@code p + m - 1}. The shift table holds, for every block
 * hash, how far the last block of the window may be from the end of some pattern's first
 * {@code m} bytes; when that distance is {@code s > 0}, no pattern can start at
 * {@code p .. p + s - 1}, even one that the text ends in the middle of, because each such
 * pattern would put the same block {@code s} or fewer bytes before the end of its first {@code m}
 * bytes. When it is 0, the patterns whose first {@code m} bytes end in a block of that hash are
 * compared in full. So every occurrence is found, overlapping ones included, and the time per
 * byte shrinks as {@code m} grows rather than growing with the number of patterns.
 *
 * <p>The tables are derived from the patterns and are never serialized.
 */
final class PatternIndex {

    /**
     * Most slots the shift table has; slots of the bit set beyond that share a shift entry, the
     * smallest of theirs, so that the table stays in the processor's second-level cache.
     */
    private static final int MAX_TABLE_BITS = 18;

    /** Largest shift table searched without the bit set: it stays in the nearest caches anyway. */
    private static final int DIRECT_TABLE_BITS = 15;

    /** Longest window used for shifting; longer windows fill the shift table without paying back. */
    static final int MAX_WINDOW = 48;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int GOLDEN = 0x9E3779B1;
    private static final long GOLDEN_64 = 0x9E3779B97F4A7C15L;

    /** Receives the occurrences a scan finds, in order of their start. */
    interface MatchSink {
        void match(int start, int end) throws IOException;
    }

    private final byte[][] patterns;
    private final int maxLength;
    private final int window;
    private final int block;
    private final int shiftDrop;
    private final byte[] shift;
    private final long[] near;
    private final int shared;
    private final int maxShift;
    private final int bucketDrop;
    private final int[] bucketStart;
    private final int[] bucketPatterns;
    private final boolean[] firstBytes = new boolean[256];

    /** @param patterns distinct, non-empty patterns in {@link Arrays#compareUnsigned} order */
    PatternIndex(byte[][] patterns) {
        if (patterns.length == 0) {
            throw new IllegalArgumentException("no patterns");
        }
        this.patterns = patterns;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (byte[] pattern : patterns) {
            min = Math.min(min, pattern.length);
            max = Math.max(max, pattern.length);
        }
        this.maxLength = max;
        this.window = Math.min(min, MAX_WINDOW);
        this.block = window >= 16 ? 8 : Math.min(4, window);
        int blocksPerPattern = window - block + 1;
        int shiftBits = Math.max(10, Math.min(22, ceilLog2((long) patterns.length * blocksPerPattern) + 2));
        this.shiftDrop = 32 - shiftBits;
        this.shared = Math.max(0, shiftBits - MAX_TABLE_BITS);
        this.shift = new byte[1 << (shiftBits - shared)];
        this.near = shiftBits > DIRECT_TABLE_BITS ? new long[(1 << shiftBits) >>> 6] : null;
        this.maxShift = blocksPerPattern;
        fill(shift, (byte) blocksPerPattern);
        int bucketBits = Math.max(4, Math.min(20, ceilLog2(patterns.length) + 1));
        this.bucketDrop = 32 - bucketBits;
        this.bucketStart = new int[(1 << bucketBits) + 1];
        this.bucketPatterns = new int[patterns.length];
        fillTables();
    }

    private void fillTables() {
        int[] bucketOf = new int[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            firstBytes[patterns[i][0] & 0xFF] = true;
            // sorted patterns that share their first window (a Base64 core and its ending) are
            // neighbours and have the same blocks
            boolean sameWindow = i > 0 && Arrays.equals(patterns[i - 1], 0, window, patterns[i], 0, window);
            bucketOf[i] = sameWindow ? bucketOf[i - 1] : addShifts(patterns[i]);
            bucketStart[bucketOf[i] + 1]++;
        }
        for (int b = 1; b < bucketStart.length; b++) {
            bucketStart[b] += bucketStart[b - 1];
        }
        int[] next = Arrays.copyOf(bucketStart, bucketStart.length - 1);
        for (int i = 0; i < patterns.length; i++) {
            bucketPatterns[next[bucketOf[i]]++] = i;
        }
    }

    /**
     * Enters the blocks of the first window of {@code pattern} in the shift table and returns its
     * bucket. One call per pattern, so that the JIT compiler takes it over after a few hundred
     * patterns rather than after the whole loop has run long enough in the interpreter.
     */
    private int addShifts(byte[] pattern) {
        int bucket = 0;
        long value = blockValue(pattern, 0);
        for (int end = block - 1; end < window; end++) {
            if (end >= block) {
                // the next block: one byte out at the bottom, one in at the top
                value = value >>> 8 | (long) (pattern[end] & 0xFF) << (8 * (block - 1));
            }
            int mixed = mix(value);
            int slot = mixed >>> shiftDrop;
            int distance = window - 1 - end;
            if (distance < (shift[slot >>> shared] & 0xFF)) {
                shift[slot >>> shared] = (byte) distance;
            }
            if (near != null) {
                // every slot with a block gets its bit, also when a slot sharing its shift entry
                // already lowered that entry
                near[slot >>> 6] |= 1L << slot;
            }
            if (distance == 0) {
                bucket = mixed >>> bucketDrop;
            }
        }
        return bucket;
    }

    int maxLength() {
        return maxLength;
    }

    int window() {
        return window;
    }

    /**
     * Reports every occurrence that starts at a position in {@code [from, limit)} and ends by
     * {@code end}, where {@code limit + window - 1 <= end}.
     *
     * @return the first position not yet examined, at least {@code limit}; or, when a pattern that
     *     runs past {@code end} starts at some position below {@code limit}, that position (less
     *     than {@code limit}), with every occurrence before it reported
     */
    int scan(byte[] text, int from, int limit, int end, MatchSink sink) throws IOException {
        final byte[] shiftTable = shift;
        final long[] nearTable = near;
        final int far = maxShift;
        final int sharedBits = shared;
        final int drop = shiftDrop;
        final int blockOffset = window - block;
        int p = from;
        // One loop per block size on purpose: with the block read behind a dispatching method, the
        // same-run benchmark lost 10 to 20 % at one key (MaskBenchmark, paired runs).
        if (block == 8) {
            while (p < limit) {
                int mixed = (int) (((long) LONG_LE.get(text, p + blockOffset) * GOLDEN_64) >>> 32);
                int s = shift(shiftTable, nearTable, far, sharedBits, mixed >>> drop);
                if (s != 0) {
                    p += s & 0xFF;
                } else if (verify(text, p, end, mixed, sink)) {
                    p++;
                } else {
                    return p;
                }
            }
        } else if (block == 4) {
            while (p < limit) {
                int mixed = (int) INT_LE.get(text, p + blockOffset) * GOLDEN;
                int s = shift(shiftTable, nearTable, far, sharedBits, mixed >>> drop);
                if (s != 0) {
                    p += s & 0xFF;
                } else if (verify(text, p, end, mixed, sink)) {
                    p++;
                } else {
                    return p;
                }
            }
        } else {
            while (p < limit) {
                int mixed = mix(text, p + blockOffset);
                int s = shift(shiftTable, nearTable, far, sharedBits, mixed >>> drop);
                if (s != 0) {
                    p += s & 0xFF;
                } else if (verify(text, p, end, mixed, sink)) {
                    p++;
                } else {
                    return p;
                }
            }
        }
        return p;
    }

    /**
     * The shift for {@code slot}. The bit set of slots with a shorter shift than the largest is
     * an eighth of the shift table's size and stays in the processor's cache where the table,
     * with thousands of forms, does not; most steps need only the bit.
     */
    private static int shift(byte[] shiftTable, long[] nearTable, int far, int sharedBits, int slot) {
        if (nearTable == null) {
            return shiftTable[slot];
        }
        return (nearTable[slot >>> 6] & 1L << slot) == 0 ? far : shiftTable[slot >>> sharedBits];
    }

    /** Reports the patterns that occur at {@code p}; false when one is cut off by {@code end}. */
    private boolean verify(byte[] text, int p, int end, int mixed, MatchSink sink) throws IOException {
        int bucket = mixed >>> bucketDrop;
        for (int k = bucketStart[bucket], last = bucketStart[bucket + 1]; k < last; k++) {
            byte[] pattern = patterns[bucketPatterns[k]];
            int patternEnd = p + pattern.length;
            if (patternEnd <= end) {
                if (Arrays.equals(text, p, patternEnd, pattern, 0, pattern.length)) {
                    sink.match(p, patternEnd);
                }
            } else if (Arrays.equals(text, p, end, pattern, 0, end - p)) {
                return false;
            }
        }
        return true;
    }

    /** Whether some pattern occurs whole in {@code text[from, end)}. */
    boolean occursIn(byte[] text, int from, int end) {
        int p = from;
        while (p + window <= end) {
            int mixed = mix(text, p + window - block);
            int s = shift(shift, near, maxShift, shared, mixed >>> shiftDrop);
            if (s != 0) {
                p += s & 0xFF;
                continue;
            }
            int bucket = mixed >>> bucketDrop;
            for (int k = bucketStart[bucket], last = bucketStart[bucket + 1]; k < last; k++) {
                if (wholeAt(text, p, end, patterns[bucketPatterns[k]])) {
                    return true;
                }
            }
            p++;
        }
        return false;
    }

    /** Reports every pattern that occurs whole at {@code p}, where {@code p + window <= end}. */
    void reportWholeAt(byte[] text, int p, int end, MatchSink sink) throws IOException {
        int bucket = mix(text, p + window - block) >>> bucketDrop;
        for (int k = bucketStart[bucket], last = bucketStart[bucket + 1]; k < last; k++) {
            byte[] pattern = patterns[bucketPatterns[k]];
            if (wholeAt(text, p, end, pattern)) {
                sink.match(p, p + pattern.length);
            }
        }
    }

    private static boolean wholeAt(byte[] text, int p, int end, byte[] pattern) {
        return p + pattern.length <= end && Arrays.equals(text, p, p + pattern.length, pattern, 0, pattern.length);
    }

    /** Whether some pattern starts with {@code b}. */
    boolean startsPattern(byte b) {
        return firstBytes[b & 0xFF];
    }

    /**
     * Whether {@code text[from, end)} is a proper prefix of some pattern. The patterns that extend
     * it sort right after it, so a binary search for its place decides.
     */
    boolean isProperPrefix(byte[] text, int from, int end) {
        int length = end - from;
        int low = 0;
        int high = patterns.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Arrays.compareUnsigned(patterns[mid], 0, patterns[mid].length, text, from, end) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low; i < patterns.length && i <= low + 1; i++) {
            byte[] candidate = patterns[i];
            if (candidate.length > length && Arrays.equals(candidate, 0, length, text, from, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hash the scan loops compute of the block at {@code offset}, without their byte-array
     * views: filling the tables runs before the JIT compiler has caught up, and the views are slow
     * until it has.
     */
    private int mix(byte[] bytes, int offset) {
        return mix(blockValue(bytes, offset));
    }

    private int mix(long blockValue) {
        return block == 8 ? (int) ((blockValue * GOLDEN_64) >>> 32) : (int) blockValue * GOLDEN;
    }

    /** The block at {@code offset} as a little-endian number. */
    private long blockValue(byte[] bytes, int offset) {
        long value = 0;
        for (int i = block - 1; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    /**
     * {@link Arrays#fill} by doubling copies: the table has up to 2<sup>18</sup> entries and is
     * filled before the JIT compiler has caught up, when a loop over them costs milliseconds.
     */
    private static void fill(byte[] table, byte value) {
        table[0] = value;
        for (int filled = 1; filled < table.length; filled *= 2) {
            System.arraycopy(table, 0, table, filled, Math.min(filled, table.length - filled));
        }
    }

    private static int ceilLog2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }
}
