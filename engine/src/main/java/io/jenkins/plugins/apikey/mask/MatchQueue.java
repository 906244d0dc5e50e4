package io.jenkins.plugins.apikey.mask;

import java.io.IOException;
import java.util.Arrays;

/**
 * A match sink that can hold back matches found ahead of their turn and replay them in order, so a
 * search may run two lanes at once. One per stream: not shared between threads.
 */
final class MatchQueue implements PatternIndex.MatchSink {

    private final PatternIndex.MatchSink target;
    private int[] ranges = new int[32];
    private int size;
    private boolean deferring;

    MatchQueue(PatternIndex.MatchSink target) {
        this.target = target;
    }

    /** Where matches in order go. */
    PatternIndex.MatchSink target() {
        return target;
    }

    void startDeferring() {
        deferring = true;
    }

    /** Replays the held matches, in the order found, and passes later ones straight on. */
    void stopDeferring() throws IOException {
        deferring = false;
        for (int i = 0; i < size; i += 2) {
            target.match(ranges[i], ranges[i + 1]);
        }
        size = 0;
    }

    @Override
    public void match(int start, int end) throws IOException {
        if (!deferring) {
            target.match(start, end);
            return;
        }
        if (size + 2 > ranges.length) {
            ranges = Arrays.copyOf(ranges, ranges.length * 2);
        }
        ranges[size++] = start;
        ranges[size++] = end;
    }
}
