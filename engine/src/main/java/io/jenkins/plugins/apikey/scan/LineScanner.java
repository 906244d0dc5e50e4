package io.jenkins.plugins.apikey.scan;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Shows the lines of one file that hold anchors to the rules they belong to. The anchors are found
 * in a run of whole lines, without regard to ASCII case, with one {@link WordSearch} for all words;
 * only the lines with a hit are then looked at.
 */
final class LineScanner {

    private final ShapeRules shapes;
    private final List<ShapeRule> rules;
    private final Consumer<Candidate> found;
    private final int[][] hitsOfRule;
    private final int[] counts;
    private long[] hits = new long[64];
    private int hitCount;

    LineScanner(ShapeRules shapes, Consumer<Candidate> found) {
        this.shapes = shapes;
        this.rules = shapes.rules();
        this.found = found;
        this.hitsOfRule = new int[rules.size()][8];
        this.counts = new int[rules.size()];
    }

    /**
     * Scans the lines of {@code b[from, to)}.
     *
     * @param lineEnds the positions of the line feeds from {@code from} on, in order: the first
     *     {@code ends} are in the range; bytes after the last of those are one more line, or a piece of one
     * @param pivots the places of the {@link WordSearch#pivot() pivot} from {@code from} on, or null when
     *     the words have none
     * @param number the number of the line at {@code from}
     * @param offset the offset in the file of {@code b[from]}
     * @param column the column of {@code b[from]}
     * @param windowFrom the first byte of {@code b} that rules may look at, before {@code from}
     * @param windowTo the end of the bytes rules may look at, after {@code to}
     * @param anchorLimit anchors that start here or later are left for a later call: {@code to} for
     *     whole lines, less for a piece of a long line whose rest comes again with the next piece
     */
    void scan(
            byte[] b,
            int from,
            int to,
            Marks lineEnds,
            int ends,
            Marks pivots,
            long number,
            long offset,
            long column,
            int windowFrom,
            int windowTo,
            int anchorLimit) {
        findAnchors(b, from, to, pivots, anchorLimit);
        int h = 0;
        while (h < hitCount) {
            int position = (int) (hits[h] >>> 32);
            int index = lineEnds.indexOf(position, ends);
            int start = index == 0 ? from : lineEnds.get(index - 1) + 1;
            int end = index < ends ? lineEnds.get(index) : to;
            Arrays.fill(counts, 0);
            while (h < hitCount && (int) (hits[h] >>> 32) < end) {
                int rule = (int) (hits[h] >>> 16) & 0xFFFF;
                int anchor = (int) hits[h] & 0xFFFF;
                if (counts[rule] + 2 > hitsOfRule[rule].length) {
                    hitsOfRule[rule] = Arrays.copyOf(hitsOfRule[rule], 2 * hitsOfRule[rule].length);
                }
                hitsOfRule[rule][counts[rule]++] = (int) (hits[h] >>> 32);
                hitsOfRule[rule][counts[rule]++] = anchor;
                h++;
            }
            Line line = new Line(
                    b,
                    start,
                    end,
                    number + index,
                    offset + (start - from),
                    index == 0 ? column : 1,
                    windowFrom,
                    windowTo);
            for (int r = 0; r < rules.size(); r++) {
                if (counts[r] > 0) {
                    rules.get(r).line(line, hitsOfRule[r], counts[r], found);
                }
            }
        }
    }

    /**
     * Every anchor that lies whole in {@code b[from, to)}, in any ASCII case, and starts before {@code anchorLimit},
     * as (position, rule, anchor), in order.
     */
    private void findAnchors(byte[] b, int from, int to, Marks pivots, int anchorLimit) {
        hitCount = 0;
        WordSearch.Hits words = (at, word) -> {
            for (ShapeRules.Anchor anchor : shapes.anchorsOf(word)) {
                int start = at - anchor.offset();
                int end = start + anchor.bytes().length;
                if (start >= from
                        && start < anchorLimit
                        && end <= to
                        && Ascii.equalsLowerCase(b, start, anchor.bytes())) {
                    add((long) start << 32 | (long) anchor.rule() << 16 | anchor.anchor());
                }
            }
        };
        if (pivots == null) {
            shapes.search().find(b, from, to, words);
        } else {
            shapes.search().findAt(b, pivots, from, to, words);
        }
        Arrays.sort(hits, 0, hitCount);
    }

    private void add(long hit) {
        if (hitCount == hits.length) {
            hits = Arrays.copyOf(hits, 2 * hits.length);
        }
        hits[hitCount++] = hit;
    }
}
