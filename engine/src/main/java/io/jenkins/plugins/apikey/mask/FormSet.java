package io.jenkins.plugins.apikey.mask;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The distinct forms of the secrets being compiled: an open-addressing hash set of byte arrays.
 * Compiling a thousand keys adds tens of thousands of forms in a JVM that has just started, so
 * this avoids a string per form.
 */
final class FormSet {

    private static final Comparator<byte[]> UNSIGNED = new Unsigned();

    private byte[][] slots;
    private int size;

    /** A set sized for about {@code expected} forms, so that it rarely grows. */
    FormSet(int expected) {
        slots = new byte[Math.max(64, Integer.highestOneBit(Math.max(1, 2 * expected - 1)) << 1)][];
    }

    /** Adds {@code form} unless an equal one is present. */
    void add(byte[] form) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = hash(form) & mask; ; i = (i + 1) & mask) {
            byte[] present = slots[i];
            if (present == null) {
                slots[i] = form;
                size++;
                return;
            }
            if (present == form || Arrays.equals(present, form)) {
                return;
            }
        }
    }

    int size() {
        return size;
    }

    /**
     * The forms in unsigned lexicographic order: a radix sort by their first two bytes, then a
     * comparison sort of each run that shares them. Compiling a thousand keys sorts tens of
     * thousands of forms before the JIT compiler has caught up, and comparisons are costly then.
     */
    byte[][] sorted() {
        byte[][] forms = new byte[size][];
        int n = 0;
        for (byte[] form : slots) {
            if (form != null) {
                forms[n++] = form;
            }
        }
        forms = byByte(byByte(forms, 1), 0);
        for (int start = 0, end; start < forms.length; start = end) {
            end = start + 1;
            while (end < forms.length
                    && byteAt(forms[end], 0) == byteAt(forms[start], 0)
                    && byteAt(forms[end], 1) == byteAt(forms[start], 1)) {
                end++;
            }
            if (end - start > 1) {
                Arrays.sort(forms, start, end, UNSIGNED);
            }
        }
        return forms;
    }

    /** A stable counting sort of {@code forms} by their byte at {@code at}, missing bytes first. */
    private static byte[][] byByte(byte[][] forms, int at) {
        int[] starts = new int[258];
        for (byte[] form : forms) {
            starts[byteAt(form, at) + 2]++;
        }
        for (int b = 2; b < starts.length; b++) {
            starts[b] += starts[b - 1];
        }
        byte[][] sorted = new byte[forms.length][];
        for (byte[] form : forms) {
            sorted[starts[byteAt(form, at) + 1]++] = form;
        }
        return sorted;
    }

    /** The unsigned byte at {@code at}, or -1 past the end. */
    private static int byteAt(byte[] form, int at) {
        return at < form.length ? form[at] & 0xFF : -1;
    }

    private void grow() {
        byte[][] old = slots;
        slots = new byte[2 * old.length][];
        size = 0;
        for (byte[] form : old) {
            if (form != null) {
                add(form);
            }
        }
    }

    /** A hash of at most 16 bytes spread over the form: enough to tell forms apart, and cheap. */
    private static int hash(byte[] form) {
        int h = form.length;
        int step = Math.max(1, form.length >>> 4);
        for (int i = form.length - 1; i >= 0; i -= step) {
            h = 31 * h + form[i];
        }
        return h ^ (h >>> 16);
    }

    /** Unsigned lexicographic order; a class rather than a method reference, which costs start-up time. */
    private static final class Unsigned implements Comparator<byte[]> {
        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }
    }
}
