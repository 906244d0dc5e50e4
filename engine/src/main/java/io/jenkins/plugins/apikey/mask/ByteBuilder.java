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
        byte[] hex = upper ? HEX_UPPER : HEX_LOWER;
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            append(hex[(value >>> shift) & 0xF]);
        }
        return this;
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
