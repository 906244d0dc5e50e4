package io.jenkins.plugins.apikey.mask;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The distinct forms of the secrets being compiled: an open-addressing hash set of byte arrays.
 * Compiling a thousand keys adds tens of thousands of forms in a JVM that has just started, so
 * this avoids a string per form.
 */
final class FormSet implements FormSink {

    private static final Comparator<byte[]> UNSIGNED = new Unsigned();

    private byte[][] slots;
    private int size;

    /** A set sized for about {@code expected} forms, so that it rarely grows. */
    FormSet(int expected) {
        slots = new byte[Math.max(64, Integer.highestOneBit(Math.max(1, 2 * expected - 1)) << 1)][];
    }

    @Override
    public void add(byte[] form, FormEncoder encoder, SecretVariants.Kind kind) {
        add(form);
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
     * The forms in unsigned lexicographic order: a counting sort by their first two bytes, then a
     * comparison sort of each run that shares them. Compiling a thousand keys sorts tens of
     * thousands of forms before the JIT compiler has caught up, and comparisons are costly then.
     */
    byte[][] sorted() {
        int[] keys = new int[size];
        int[] starts = new int[257 * 257 + 1];
        int n = 0;
        for (byte[] form : slots) {
            if (form != null) {
                keys[n] = key(form);
                starts[keys[n++] + 1]++;
            }
        }
        for (int k = 1; k < starts.length; k++) {
            starts[k] += starts[k - 1];
        }
        byte[][] forms = new byte[size][];
        int[] sortedKeys = new int[size];
        for (byte[] form : slots) {
            if (form != null) {
                int key = key(form);
                int at = starts[key]++;
                forms[at] = form;
                sortedKeys[at] = key;
            }
        }
        for (int start = 0, end; start < forms.length; start = end) {
            end = start + 1;
            while (end < forms.length && sortedKeys[end] == sortedKeys[start]) {
                end++;
            }
            if (end - start > 1) {
                Arrays.sort(forms, start, end, UNSIGNED);
            }
        }
        return forms;
    }

    /** The first two bytes of {@code form} as one number in unsigned order, a missing byte first. */
    private static int key(byte[] form) {
        int first = form.length > 0 ? (form[0] & 0xFF) + 1 : 0;
        int second = form.length > 1 ? (form[1] & 0xFF) + 1 : 0;
        return first * 257 + second;
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
    private static final class Unsigned implements Comparator<byte[]>, Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }
    }
}
