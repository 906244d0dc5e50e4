package io.jenkins.plugins.apikey.scan;

/**
 * One line of a file being scanned, in the scanner's buffer: {@code bytes[from, to)} without its
 * line feed. Rules may look at the lines around it as far as the buffer holds them ({@code
 * bytes[windowFrom, windowTo)}). A line longer than the buffer comes in pieces, each with its own
 * first column.
 */
final class Line {

    final byte[] bytes;
    final int from;
    final int to;
    /** The line's number, from 1. */
    final long number;
    /** The offset in the file of {@code bytes[from]}. */
    final long offset;
    /** The column of {@code bytes[from]}, from 1, in bytes. */
    final long column;

    private final int windowFrom;
    private final int windowTo;

    Line(byte[] bytes, int from, int to, long number, long offset, long column, int windowFrom, int windowTo) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.number = number;
        this.offset = offset;
        this.column = column;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
    }

    /** The line before this one, or null when the buffer does not hold it. */
    Line previous() {
        if (from - 1 <= windowFrom || bytes[from - 1] != '\n') {
            return null;
        }
        int start = from - 1;
        while (start > windowFrom && bytes[start - 1] != '\n') {
            start--;
        }
        return new Line(bytes, start, from - 1, number - 1, offset - (from - start), 1, windowFrom, windowTo);
    }

    /** The line after this one, or null when the buffer does not hold all of it. */
    Line next() {
        if (to >= windowTo || bytes[to] != '\n') {
            return null;
        }
        int end = to + 1;
        while (end < windowTo && bytes[end] != '\n') {
            end++;
        }
        if (end == windowTo) {
            return null;
        }
        return new Line(bytes, to + 1, end, number + 1, offset + (to + 1 - from), 1, windowFrom, windowTo);
    }

    /** A candidate key at {@code bytes[start, end)} of this line. */
    Candidate candidate(int start, int end, ShapeRule rule, String form, String key, String clientId) {
        // a piece of a long line does not hold the line's start, so its characters are not counted
        long charColumn = column == 1 ? 1 + Ascii.utf16Units(bytes, from, start) : 0;
        long charEndColumn = column == 1 ? 1 + Ascii.utf16Units(bytes, from, end) : 0;
        return new Candidate(
                offset + (start - from),
                end - start,
                number,
                column + (start - from),
                charColumn,
                charEndColumn,
                rule,
                form,
                key,
                clientId);
    }
}
