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

    private byte[][] slots = new byte[1024][];
    private int size;

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

    /** The forms in unsigned lexicographic order. */
    byte[][] sorted() {
        byte[][] forms = new byte[size][];
        int n = 0;
        for (byte[] form : slots) {
            if (form != null) {
                forms[n++] = form;
            }
        }
        Arrays.sort(forms, UNSIGNED);
        return forms;
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
