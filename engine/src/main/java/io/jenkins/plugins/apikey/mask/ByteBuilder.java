package io.jenkins.plugins.apikey.mask;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array for building forms; simpler and faster than a stream for tiny outputs. */
final class ByteBuilder {

    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    ByteBuilder(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    ByteBuilder append(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
        return this;
    }

    ByteBuilder append(byte[] b, int off, int len) {
        if (size + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
        return this;
    }

    /** Appends the characters of {@code ascii}, which must all be below 128. */
    ByteBuilder appendAscii(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            append(ascii.charAt(i));
        }
        return this;
    }

    /** Appends the {@code digits} lowest hex digits of {@code value}, most significant first. */
    ByteBuilder appendHex(int value, int digits, boolean upper) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            append(hexDigit(value >>> shift, upper));
        }
        return this;
    }

    /** The hex digit of the lowest four bits of {@code value}. */
    static byte hexDigit(int value, boolean upper) {
        return (upper ? HEX_UPPER : HEX_LOWER)[value & 0xF];
    }

    /** A table of the ASCII characters of {@code chars}, for {@link #containsAny}. */
    static boolean[] setOf(String chars) {
        boolean[] set = new boolean[128];
        for (int i = 0; i < chars.length(); i++) {
            set[chars.charAt(i)] = true;
        }
        return set;
    }

    /**
     * Whether {@code value} holds a byte of {@code set}, a byte below 0x20 when {@code controls},
     * or a byte above 0x7F when {@code nonAscii}: what lets an encoder see at once that its form
     * is the value itself, which keeps compiling many keys fast.
     */
    static boolean containsAny(byte[] value, boolean[] set, boolean controls, boolean nonAscii) {
        for (byte b : value) {
            if (b < 0 ? nonAscii : set[b] || (controls && b < 0x20)) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} with every {@code target} byte replaced by {@code replacement}. */
    static byte[] replace(byte[] value, byte target, byte[] replacement) {
        ByteBuilder out = new ByteBuilder(value.length + 8);
        for (byte b : value) {
            if (b == target) {
                out.append(replacement, 0, replacement.length);
            } else {
                out.append(b);
            }
        }
        return out.toByteArray();
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
