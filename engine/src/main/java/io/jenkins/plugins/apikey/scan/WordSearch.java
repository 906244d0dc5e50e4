package io.jenkins.plugins.apikey.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of a few words, without regard to ASCII case, in one pass. When all words
 * share a byte (the anchors of the presets all hold an {@code i}), the places of that byte come from
 * the pass that finds the line feeds ({@link Ascii#mark}), and the search looks only at the bytes on
 * either side of them, which a table says begin few words or none; else it skips ahead as the Wu–Manber scheme does, by the last three bytes of a window as long as
 * the shortest word. A search per word (the JDK's {@code indexOf} over a lower-case copy) read every
 * byte once per word and was the scan's largest cost. Immutable and thread-safe.
 */
final class WordSearch {

    /** Receives where a word occurs. */
    interface Hits {
        void at(int position, int word);
    }

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Letters from the most to the least frequent in English text, to choose the rarest shared byte. */
    private static final String FREQUENT = "etaoinsrhldcumfpgwybvkxjqz";

    private static final int BLOCK = 3;
    /** Ranges at least this long are searched as two lanes. */
    private static final int MIN_LANE = 1024;
    /** Small enough for the tables to stay in the processor's first-level cache. */
    private static final int BITS = 12;

    private final byte[][] words;
    private final int window;
    /** Per hash of the three bytes that end a window: how far the window may move. */
    private final byte[] shift;
    /** Per hash of the three bytes that end a window at a word's start: the words to compare, else null. */
    private final int[][] candidates;
    /** The byte every word holds, in lower case, or -1. */
    private final int pivot;
    /** Per pair of bytes around a pivot (in lower case): the words that may hold it there, as word << 8 | offset. */
    private final int[][] around;
    /** One bit per pair of {@link #around}: whether it has words, a table small enough for the first-level cache. */
    private final long[] pairs;
    /** Every word with the offset of its first pivot, for a pivot at the edge of the range. */
    private final int[] all;

    /** @param words in lower case, four bytes long or more */
    WordSearch(List<String> words) {
        this.words = words.stream()
                .map(word -> word.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        this.window =
                Arrays.stream(this.words).mapToInt(word -> word.length).min().orElse(4);
        if (window < 4) {
            throw new IllegalArgumentException("Words of fewer than four bytes are not searched for.");
        }
        shift = new byte[1 << BITS];
        Arrays.fill(shift, (byte) Math.min(window - BLOCK + 1, Byte.MAX_VALUE));
        List<List<Integer>> ending = new ArrayList<>();
        for (int i = 0; i < 1 << BITS; i++) {
            ending.add(null);
        }
        for (int w = 0; w < this.words.length; w++) {
            byte[] word = this.words[w];
            for (int i = BLOCK - 1; i < window; i++) {
                for (int slot : slots(word[i - 2], word[i - 1], word[i])) {
                    shift[slot] = (byte) Math.min(shift[slot], window - 1 - i);
                }
            }
            for (int slot : slots(word[window - 3], word[window - 2], word[window - 1])) {
                if (ending.get(slot) == null) {
                    ending.set(slot, new ArrayList<>());
                }
                if (!ending.get(slot).contains(w)) {
                    ending.get(slot).add(w);
                }
            }
        }
        candidates = new int[1 << BITS][];
        for (int i = 0; i < 1 << BITS; i++) {
            if (ending.get(i) != null) {
                candidates[i] =
                        ending.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        pivot = pivot(this.words);
        if (pivot < 0) {
            around = null;
            this.pairs = null;
            all = null;
            return;
        }
        List<List<Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < 1 << 16; i++) {
            pairs.add(null);
        }
        all = new int[this.words.length];
        for (int w = 0; w < this.words.length; w++) {
            byte[] word = this.words[w];
            int k = 0;
            while (word[k] != pivot) {
                k++;
            }
            all[w] = w << 8 | k;
            // a pivot at either end of the word may have any byte beside it on that side
            int beforeFrom = k == 0 ? 0 : word[k - 1] & 0xFF;
            int beforeTo = k == 0 ? 255 : beforeFrom;
            int afterFrom = k == word.length - 1 ? 0 : word[k + 1] & 0xFF;
            int afterTo = k == word.length - 1 ? 255 : afterFrom;
            for (int before = beforeFrom; before <= beforeTo; before++) {
                for (int after = afterFrom; after <= afterTo; after++) {
                    int pair = before << 8 | after;
                    if (pairs.get(pair) == null) {
                        pairs.set(pair, new ArrayList<>());
                    }
                    pairs.get(pair).add(all[w]);
                }
            }
        }
        around = new int[1 << 16][];
        this.pairs = new long[(1 << 16) / 64];
        for (int i = 0; i < 1 << 16; i++) {
            if (pairs.get(i) != null) {
                around[i] = pairs.get(i).stream().mapToInt(Integer::intValue).toArray();
                this.pairs[i >>> 6] |= 1L << i;
            }
        }
    }

    /** The rarest byte that every word holds, or -1 when there is none or a word is too long to index. */
    private static int pivot(byte[][] words) {
        int best = -1;
        int bestRank = -1;
        for (int c = 0; c < 128 && words.length > 0; c++) {
            boolean everywhere = true;
            for (byte[] word : words) {
                everywhere &= word.length < 256 && indexOf(word, (byte) c) >= 0;
            }
            int rank = FREQUENT.indexOf(c) >= 0 ? FREQUENT.indexOf(c) : c == ' ' ? -1 : FREQUENT.length();
            if (everywhere && rank > bestRank && (c < 'A' || c > 'Z')) {
                best = c;
                bestRank = rank;
            }
        }
        return best;
    }

    private static int indexOf(byte[] word, byte c) {
        for (int i = 0; i < word.length; i++) {
            if (word[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The byte every word holds, in lower case, which {@link #findAt} needs the places of; -1 when there is none. */
    int pivot() {
        return pivot;
    }

    /**
     * Reports every word that lies whole in {@code b[from, to)}, in no particular order. Long ranges
     * are searched as two halves at once: each step waits on a table lookup that depends on the step
     * before, and two independent lanes let the processor overlap those waits.
     */
    void find(byte[] b, int from, int to, Hits hits) {
        if (words.length == 0) {
            return;
        }
        if (pivot >= 0) {
            Marks pivots = new Marks();
            Ascii.mark(b, from, to, pivot, new Marks(), pivots);
            findAt(b, pivots, from, to, hits);
            return;
        }
        final byte[] shifts = shift;
        final int last = window - 1;
        int middle = to - from >= MIN_LANE ? from + (to - from) / 2 : to;
        int p = from;
        int q = middle;
        while (p < middle && q + last < to) {
            int slotP = hash((int) INT_LE.get(b, p + last - 3) >>> 8);
            int slotQ = hash((int) INT_LE.get(b, q + last - 3) >>> 8);
            int sp = shifts[slotP];
            int sq = shifts[slotQ];
            if (sp > 0) {
                p += sp;
            } else {
                compare(b, p++, to, slotP, hits);
            }
            if (sq > 0) {
                q += sq;
            } else {
                compare(b, q++, to, slotQ, hits);
            }
        }
        p = search(b, p, middle, to, hits);
        search(b, Math.max(p, q), to, to, hits);
    }

    /**
     * As {@link #find}, when there is a {@link #pivot()} and {@code pivots} holds every place of it in
     * {@code b[from, to)} (in any ASCII case), as {@link Ascii#mark} finds them: only the words
     * around those places are compared.
     */
    void findAt(byte[] b, Marks pivots, int from, int to, Hits hits) {
        for (int i = pivots.indexOf(from, pivots.size()); i < pivots.size(); i++) {
            int j = pivots.get(i);
            if (j >= to) {
                return;
            }
            pivotAt(b, j, from, to, hits);
        }
    }

    /** The words whose first pivot may be the one at {@code j}, by the bytes around it, compared whole. */
    private void pivotAt(byte[] b, int j, int from, int to, Hits hits) {
        int[] entries = all;
        if (j > from && j + 1 < to) {
            int pair = lowerCase(b[j - 1]) << 8 | lowerCase(b[j + 1]);
            if ((pairs[pair >>> 6] & 1L << pair) == 0) {
                return;
            }
            entries = around[pair];
        }
        for (int entry : entries) {
            byte[] word = words[entry >>> 8];
            int start = j - (entry & 0xFF);
            if (start >= from && start + word.length <= to && Ascii.equalsLowerCase(b, start, word)) {
                hits.at(start, entry >>> 8);
            }
        }
    }

    private static int lowerCase(byte c) {
        return c >= 'A' && c <= 'Z' ? c | 0x20 : c & 0xFF;
    }

    /** One lane: the windows that start in {@code [p, limit)}; returns where it stopped. */
    private int search(byte[] b, int p, int limit, int to, Hits hits) {
        final byte[] shifts = shift;
        final int last = window - 1;
        while (p < limit && p + last < to) {
            int slot = hash((int) INT_LE.get(b, p + last - 3) >>> 8);
            int s = shifts[slot];
            if (s > 0) {
                p += s;
            } else {
                compare(b, p++, to, slot, hits);
            }
        }
        return p;
    }

    private void compare(byte[] b, int p, int to, int slot, Hits hits) {
        for (int w : candidates[slot]) {
            if (p + words[w].length <= to && Ascii.equalsLowerCase(b, p, words[w])) {
                hits.at(p, w);
            }
        }
    }

    /** The slots of three bytes in every ASCII case: the search hashes bytes as they are. */
    private static List<Integer> slots(byte a, byte b, byte c) {
        List<Integer> slots = new ArrayList<>();
        for (byte x : cases(a)) {
            for (byte y : cases(b)) {
                for (byte z : cases(c)) {
                    slots.add(hash((x & 0xFF) | (y & 0xFF) << 8 | (z & 0xFF) << 16));
                }
            }
        }
        return slots;
    }

    private static byte[] cases(byte c) {
        return c >= 'a' && c <= 'z' ? new byte[] {c, (byte) (c - 0x20)} : new byte[] {c};
    }

    /** The slot of three bytes, the first in the lowest eight bits. */
    private static int hash(int threeBytes) {
        return threeBytes * 0x9E3779B1 >>> (32 - BITS);
    }
}
